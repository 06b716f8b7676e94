package signguard

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/oracle"
)

var (
	signerA = common.HexToAddress("0x000000000000000000000000000000000000aaaa")
	signerB = common.HexToAddress("0x000000000000000000000000000000000000bbbb")
	domain  = oracle.NewDomain(big.NewInt(56), common.HexToAddress("0x00000000000000000000000000000000000a11ce"))
	domain2 = oracle.NewDomain(big.NewInt(324), common.HexToAddress("0x00000000000000000000000000000000000a11ce"))
)

func update(topic, height, loss uint64, value int64) oracle.Update {
	return oracle.Update{TopicID: topic, Value: big.NewInt(value), BlockHeight: height, LossBlockHeight: loss, Timestamp: 1_700_000_000 + height}
}

func open(t *testing.T, path string) *Record {
	t.Helper()
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	return r
}

func wantRefused(t *testing.T, err error, detail string) {
	t.Helper()
	var ref *Refusal
	if !errors.As(err, &ref) || !errors.Is(err, ErrRefused) {
		t.Fatalf("got %v, want a refusal", err)
	}
	if !strings.Contains(err.Error(), detail) {
		t.Fatalf("refusal %q does not say %q", err, detail)
	}
}

func TestApprove(t *testing.T) {
	r := open(t, filepath.Join(t.TempDir(), "record.db"))
	first := update(13, 100, 90, 5)
	if err := r.Approve(signerA, domain, []oracle.Update{first, update(14, 50, 40, 7)}); err != nil {
		t.Fatalf("first batch: %v", err)
	}
	steps := []struct {
		name    string
		signer  common.Address
		d       oracle.Domain
		updates []oracle.Update
		refusal string // empty: approved
	}{
		{"the same update again is approved", signerA, domain, []oracle.Update{first}, ""},
		{"another value at the signed version", signerA, domain, []oracle.Update{update(13, 100, 90, 6)}, "already signed with value 5, proposed 6"},
		{"another timestamp at the signed version", signerA, domain, []oracle.Update{{TopicID: 13, Value: big.NewInt(5), BlockHeight: 100, LossBlockHeight: 90, Timestamp: 1}}, "already signed with value 5"},
		{"a lower height", signerA, domain, []oracle.Update{update(13, 99, 95, 5)}, "proposed block 99 (loss block 95), already signed block 100 (loss block 90)"},
		{"a lower loss height at the signed height", signerA, domain, []oracle.Update{update(13, 100, 80, 5)}, "already signed block 100 (loss block 90)"},
		{"a revision: same height, higher loss height, new value", signerA, domain, []oracle.Update{update(13, 100, 95, 6)}, ""},
		{"the pre-revision value after the revision", signerA, domain, []oracle.Update{update(13, 100, 90, 5)}, "already signed block 100 (loss block 95)"},
		{"another signer has its own record", signerB, domain, []oracle.Update{update(13, 100, 90, 9)}, ""},
		{"another chain has its own record", signerA, domain2, []oracle.Update{update(13, 10, 0, 9)}, ""},
		{"a batch with one refused update", signerA, domain, []oracle.Update{update(14, 60, 50, 1), update(13, 1, 0, 1)}, "topic 13"},
		{"and its approvable update was not recorded", signerA, domain, []oracle.Update{update(14, 60, 50, 2)}, ""},
	}
	for _, s := range steps {
		err := r.Approve(s.signer, s.d, s.updates)
		if s.refusal == "" {
			if err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			continue
		}
		wantRefused(t, err, s.refusal)
	}
	got, ok, err := r.Get(Key{Signer: signerA, ChainID: 56, Oracle: domain.VerifyingContract, TopicID: 13})
	if err != nil || !ok {
		t.Fatalf("Get: %v %v", ok, err)
	}
	if got.Version != (oracle.Version{BlockHeight: 100, LossBlockHeight: 95}) || got.Value != "6" || got.UpdateHash != oracle.UpdateHash(update(13, 100, 95, 6)) {
		t.Fatalf("recorded %+v", got)
	}
}

func TestReopenedRecordStillRefuses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "record.db")
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Approve(signerA, domain, []oracle.Update{update(13, 100, 90, 5)}); err != nil {
		t.Fatal(err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	r = open(t, path)
	wantRefused(t, r.Approve(signerA, domain, []oracle.Update{update(13, 100, 90, 6)}), "already signed with value 5")
	if err := r.Approve(signerA, domain, []oracle.Update{update(13, 100, 90, 5)}); err != nil {
		t.Fatalf("re-signing after a restart: %v", err)
	}
}

func TestSecondProcessIsLockedOut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "record.db")
	open(t, path)
	if _, err := Open(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
}

// TestApproveIsDurableAcrossAKill has a child process approve a batch, say so, and be
// killed with SIGKILL before it closes the record: what Approve returned for must be
// on disk.
func TestApproveIsDurableAcrossAKill(t *testing.T) {
	if path := os.Getenv("SIGNGUARD_CRASH_CHILD"); path != "" {
		r, err := Open(path)
		if err != nil {
			os.Exit(2)
		}
		if err := r.Approve(signerA, domain, []oracle.Update{update(13, 100, 90, 5)}); err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("approved\n")
		select {} // killed here, the record never closed
	}
	path := filepath.Join(t.TempDir(), "record.db")
	cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestApproveIsDurableAcrossAKill$")
	cmd.Env = append(os.Environ(), "SIGNGUARD_CRASH_CHILD="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "approved\n" {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("child said %q: %v", line, err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	r := open(t, path)
	wantRefused(t, r.Approve(signerA, domain, []oracle.Update{update(13, 100, 90, 6)}), "already signed with value 5")
}

func TestExportImport(t *testing.T) {
	old := open(t, filepath.Join(t.TempDir(), "old.db"))
	if err := old.Approve(signerA, domain, []oracle.Update{update(13, 100, 90, 5), update(14, 50, 40, 7)}); err != nil {
		t.Fatal(err)
	}
	var file bytes.Buffer
	if err := old.Export(&file); err != nil {
		t.Fatal(err)
	}
	var in Interchange
	if err := json.Unmarshal(file.Bytes(), &in); err != nil {
		t.Fatal(err)
	}
	if in.Metadata.InterchangeFormatVersion != "1" || len(in.Data) != 2 || in.Data[0].TopicID != 13 || in.Data[0].Value != "5" ||
		in.Data[0].ChainID != 56 || in.Data[0].BlockHeight != 100 || in.Data[0].LossBlockHeight != 90 {
		t.Fatalf("exported %s", file.Bytes())
	}

	// The new machine already signed topic 14 higher, and topic 13 lower.
	fresh := open(t, filepath.Join(t.TempDir(), "new.db"))
	if err := fresh.Approve(signerA, domain, []oracle.Update{update(13, 80, 70, 1), update(14, 60, 50, 8)}); err != nil {
		t.Fatal(err)
	}
	st, err := fresh.Import(bytes.NewReader(file.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if st != (ImportStats{Raised: 1, Kept: 1}) {
		t.Fatalf("import stats %+v", st)
	}
	wantRefused(t, fresh.Approve(signerA, domain, []oracle.Update{update(13, 100, 90, 6)}), "already signed with value 5")
	wantRefused(t, fresh.Approve(signerA, domain, []oracle.Update{update(14, 55, 50, 7)}), "already signed block 60")

	// Importing it again changes nothing.
	if st, err := fresh.Import(bytes.NewReader(file.Bytes())); err != nil || st != (ImportStats{Kept: 2}) {
		t.Fatalf("second import: %+v %v", st, err)
	}
}

func TestImportRefusesBadFiles(t *testing.T) {
	r := open(t, filepath.Join(t.TempDir(), "record.db"))
	good := `{"signer":"0x000000000000000000000000000000000000aaaa","chain_id":56,"oracle":"0x00000000000000000000000000000000000a11ce","topic_id":13,"block_height":1,"loss_block_height":0,"value":"5","update_hash":"0x0000000000000000000000000000000000000000000000000000000000000000"}`
	for name, tc := range map[string]struct{ file, want string }{
		"not JSON":        {`{`, "unexpected EOF"},
		"unknown version": {`{"metadata":{"interchange_format_version":"9"},"data":[]}`, `interchange_format_version "9"`},
		"unknown field":   {`{"metadata":{"interchange_format_version":"1"},"data":[],"extra":1}`, "unknown field"},
		"bad value":       {`{"metadata":{"interchange_format_version":"1"},"data":[` + good + `,` + strings.Replace(good, `"5"`, `"x"`, 1) + `]}`, `data[1]: value "x"`},
		"no height":       {`{"metadata":{"interchange_format_version":"1"},"data":[` + strings.Replace(good, `"block_height":1`, `"block_height":0`, 1) + `]}`, "data[0]: block_height"},
	} {
		_, err := r.Import(strings.NewReader(tc.file))
		if !errors.Is(err, ErrInterchange) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want ErrInterchange saying %q", name, err, tc.want)
		}
	}
	if e, err := r.Entries(); err != nil || len(e) != 0 {
		t.Fatalf("a refused file left %v %v", e, err)
	}
}

func TestGuard(t *testing.T) {
	key := testKey(t)
	r := open(t, filepath.Join(t.TempDir(), "record.db"))
	g := Guard(oracle.LocalBatchSigner(oracle.NewKeySigner(key)), r)
	if g.Address() != crypto.PubkeyToAddress(key.PublicKey) {
		t.Fatal("Guard changed the address")
	}
	u := []oracle.Update{update(13, 100, 90, 5)}
	sig, err := g.SignBatch(context.Background(), domain, u)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := oracle.RecoverSigner(oracle.BatchDigest(domain, u), sig); err != nil || got != g.Address() {
		t.Fatalf("signature recovers to %s: %v", got, err)
	}
	_, err = g.SignBatch(context.Background(), domain, []oracle.Update{update(13, 100, 90, 6)})
	var refusal *oracle.RefusalError
	if !errors.As(err, &refusal) || refusal.Reason != Reason || !strings.Contains(refusal.Detail, "already signed with value 5") {
		t.Fatalf("got %v, want a %s refusal", err, Reason)
	}
}

func testKey(t *testing.T) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("signguard test key")))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

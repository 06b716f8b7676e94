package e2e

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/allora-gateway/allora-gateway/bindings/alloraoracle"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
)

// signerAddresses are the addresses of a harness's three signer keys (signer-1..3,
// the anvil development accounts 1 to 3), in key order.
func signerAddresses() []common.Address {
	var out []common.Address
	for i := 1; i <= 3; i++ {
		out = append(out, crypto.PubkeyToAddress(devchain.DevKey(i).PublicKey))
	}
	return out
}

// BatchTx is an updateBatch transaction of the submitter on a chain, decoded: its
// updates and the addresses that signed them, recovered as the oracle does.
type BatchTx struct {
	SubmitterTx
	Topics  []uint64
	Signers []common.Address
}

// Batches decodes every updateBatch the submitter sent to c's oracle and recovers
// each signature against the oracle's own digest of the batch (hashBatch).
func (h *Harness) Batches(c *Chain) []BatchTx {
	h.t.Helper()
	parsed, err := alloraoracle.AlloraOracleMetaData.ParseABI()
	if err != nil {
		h.t.Fatal(err)
	}
	method := parsed.Methods["updateBatch"]
	var out []BatchTx
	for _, stx := range h.SubmitterTxs(c) {
		if stx.To == nil || *stx.To != c.Oracle {
			continue
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		tx, _, err := c.Node.Client.TransactionByHash(ctx, stx.Hash)
		cancel()
		if err != nil {
			h.t.Fatalf("%s tx %s: %v", c.Name, stx.Hash, err)
		}
		data := tx.Data()
		if len(data) < 4 || !bytes.Equal(data[:4], method.ID) {
			h.t.Fatalf("%s tx %s to the oracle is not an updateBatch", c.Name, stx.Hash)
		}
		args, err := method.Inputs.Unpack(data[4:])
		if err != nil {
			h.t.Fatalf("%s tx %s: decode updateBatch: %v", c.Name, stx.Hash, err)
		}
		updates := *abi.ConvertType(args[0], new([]alloraoracle.Update)).(*[]alloraoracle.Update)
		sigs := *abi.ConvertType(args[1], new([]alloraoracle.Signature)).(*[]alloraoracle.Signature)
		ctx, cancel = context.WithTimeout(context.Background(), 10*time.Second)
		res, err := c.Node.Client.CallContract(ctx, ethereum.CallMsg{To: &c.Oracle, Data: oracleABI.PackHashBatch(updates)}, nil)
		cancel()
		if err != nil {
			h.t.Fatalf("%s hashBatch: %v", c.Name, err)
		}
		digest, err := oracleABI.UnpackHashBatch(res)
		if err != nil {
			h.t.Fatal(err)
		}
		b := BatchTx{SubmitterTx: stx}
		for _, u := range updates {
			b.Topics = append(b.Topics, u.TopicId)
		}
		for i, s := range sigs {
			// EIP-2098: the top bit of vs is the recovery id, the rest is s.
			sig := make([]byte, 65)
			copy(sig[:32], s.R[:])
			copy(sig[32:64], s.Vs[:])
			sig[32] &= 0x7f
			sig[64] = s.Vs[0] >> 7
			pub, err := crypto.SigToPub(digest[:], sig)
			if err != nil {
				h.t.Fatalf("%s tx %s signature %d: %v", c.Name, stx.Hash, i, err)
			}
			b.Signers = append(b.Signers, crypto.PubkeyToAddress(*pub))
		}
		out = append(out, b)
	}
	return out
}

// cosigner is one `allora-gateway cosign` process with its own Allora node.
type cosigner struct {
	name    string
	addr    string // its listen host:port
	address common.Address
	config  string // its config file: a restart reads the same one, so the same record
	proc    *Process
}

// TestTwoOfThreeCosignersOneFedAnotherValueRefuses deploys each oracle with the three
// co-signers' addresses and a threshold of 2, and runs three `allora-gateway cosign`
// processes, each reading its own Allora node: the first the harness's, the second
// an equal node of its own, the third a node whose topic 1 follows another price
// path (fed a different value). The relayer holds no oracle key and collects from
// the co-signers. Every batch lands on every chain with two signatures from the
// registered set; no batch with topic 1 carries the third co-signer's; the third
// refuses those batches with value_mismatch in its log and on its /metrics while the
// honest two refuse none for a value. Mid-run the first co-signer is killed with
// kill -9 and started again on the same slashing-protection record: while it is
// down the relayer reports it unreachable; once back, batches with topic 1 land
// again (it and the second are the only two that sign them), and it refuses none of
// what it signed before the crash. Every topic reaches every chain and the end state
// is clean: no nonce gap, nothing sent twice.
func TestTwoOfThreeCosignersOneFedAnotherValueRefuses(t *testing.T) {
	t.Parallel()
	signerSet := signerAddresses()
	flags := []string{"--threshold", "2"}
	for _, a := range signerSet {
		flags = append(flags, "--signer", a.Hex())
	}
	h := newHarness(t, Options{DeployFlags: flags})
	const lied = uint64(1) // the topic the third co-signer's node gives another value for

	// The shared secret each co-signer holds for the relayer (one per pair).
	secretFile := func(name string) string {
		var b [32]byte
		_, _ = rand.Read(b[:])
		path := filepath.Join(h.Dir, name+".secret")
		if err := os.WriteFile(path, []byte(hex.EncodeToString(b[:])), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	honestTopics := h.topics
	liarTopics := slices.Clone(h.topics)
	for i := range liarTopics {
		if liarTopics[i].ID == lied {
			liarTopics[i].StartPrice = "3100" // the harness's starts at 3012.5
		}
	}
	alloras := []string{h.Allora}
	_, second := h.AddAllora(honestTopics)
	_, third := h.AddAllora(liarTopics)
	alloras = append(alloras, second, third)
	if p1, p3 := mustPrice(t, h.alloras[0], lied), mustPrice(t, h.alloras[2], lied); p1 == p3 {
		t.Fatalf("the third node's topic %d price %s equals the harness's: it would not lie", lied, p1)
	}

	var (
		cosigners []*cosigner
		entries   []map[string]any
	)
	for i, key := range h.signerKeys {
		cs := &cosigner{name: fmt.Sprintf("cosigner-%d", i+1), addr: testsupport.FreeAddr(h.t), address: signerSet[i]}
		secret := secretFile(cs.name)
		var oracles []map[string]any
		for _, c := range h.Chains {
			oracles = append(oracles, map[string]any{"chain_id": c.ID, "oracle": c.Oracle.Hex()})
		}
		path := h.WriteConfig(cs.name, func(cfg *RelayerConfig) {
			cfg.Allora["endpoint"] = alloras[i]
			delete(cfg.Allora, "websocket")
			cfg.Topics, cfg.Chains, cfg.Relayer, cfg.Signers, cfg.Redis, cfg.API = nil, nil, nil, nil, nil, nil
			cfg.Extra["cosign"] = map[string]any{
				"listen":  cs.addr,
				"key":     map[string]any{"keystore": key.keystore, "passphrase_file": key.pass},
				"oracles": oracles,
				"clients": []map[string]any{{"name": "relayer-1", "secret_file": secret}},
			}
		})
		cs.config = path
		cs.proc = h.Start(cs.name, "cosign", "--config", path)
		cosigners = append(cosigners, cs)
		entries = append(entries, map[string]any{
			"name": cs.name, "url": "http://" + cs.addr, "address": cs.address.Hex(),
			"key_id": "relayer-1", "secret_file": secret, "timeout": "5s",
		})
	}
	for _, cs := range cosigners {
		testsupport.WaitForSeen(t, 30*time.Second, cs.name+" serving /metrics", func() (bool, string) {
			_, err := ScrapeMetrics(cs.addr)
			return err == nil, fmt.Sprint(err)
		})
	}
	relayerAPI := testsupport.FreeAddr(t)
	rl := h.StartRelayer("relayer", h.WriteConfig("relayer", func(cfg *RelayerConfig) {
		delete(cfg.Signers, "oracle")
		cfg.Signers["cosigners"] = entries
		cfg.API["listen"] = relayerAPI
	}))
	h.waitEveryTopicEverywhere()
	reachable := func(name string) (float64, string) {
		m, err := ScrapeMetrics(relayerAPI)
		if err != nil {
			return -1, err.Error()
		}
		v, ok := m.Value("allora_gateway_cosigner_reachable", "cosigner", name)
		if !ok {
			return -1, "no allora_gateway_cosigner_reachable{cosigner=" + name + "}"
		}
		return v, fmt.Sprintf("allora_gateway_cosigner_reachable{cosigner=%s} %v", name, v)
	}
	withTopic := func(c *Chain) (n int) {
		for _, b := range h.Batches(c) {
			if slices.Contains(b.Topics, lied) {
				n++
			}
		}
		return n
	}

	// The first co-signer crashes mid-run and comes back on the same record.
	crashed := cosigners[0]
	crashed.proc.Kill9()
	testsupport.WaitForSeen(t, 60*time.Second, "the relayer reports "+crashed.name+" unreachable", func() (bool, string) {
		v, seen := reachable(crashed.name)
		return v == 0, seen
	})
	crashed.proc = h.Start(crashed.name, "cosign", "--config", crashed.config)
	testsupport.WaitForSeen(t, 60*time.Second, "the relayer reaches "+crashed.name+" again", func() (bool, string) {
		v, seen := reachable(crashed.name)
		return v == 1, seen
	})
	before := map[string]int{}
	for _, c := range h.Chains {
		before[c.Name] = withTopic(c)
	}

	// Run until every chain has taken at least two batches with the lied-about
	// topic after the restart, so that the third co-signer has been asked and
	// refused while the restarted first and the second carried them.
	testsupport.WaitForSeen(t, 150*time.Second, "two more batches with topic 1 on every chain after the restart", func() (bool, string) {
		var short []string
		for _, c := range h.Chains {
			if n := withTopic(c) - before[c.Name]; n < 2 {
				short = append(short, fmt.Sprintf("%s %d", c.Name, n))
			}
		}
		return len(short) == 0, "batches with topic 1 since the restart: " + strings.Join(short, ", ")
	})
	requireRunning(t, rl)
	h.CheckEndState(90 * time.Second)
	h.CheckRevisionsLanded()

	liar := cosigners[2].address
	for _, c := range h.Chains {
		batches := h.Batches(c)
		withLie, liarSigned := 0, 0
		for _, b := range batches {
			if len(b.Signers) != 2 {
				t.Errorf("%s tx %s (topics %v) carries %d signatures %v; want the threshold, 2", c.Name, b.Hash, b.Topics, len(b.Signers), b.Signers)
			}
			for _, s := range b.Signers {
				if !slices.Contains(signerSet, s) {
					t.Errorf("%s tx %s signed by %s, not a co-signer", c.Name, b.Hash, s)
				}
			}
			if slices.Contains(b.Signers, liar) {
				liarSigned++
			}
			if slices.Contains(b.Topics, lied) {
				withLie++
				if slices.Contains(b.Signers, liar) {
					t.Errorf("%s tx %s updates topic %d and carries the signature of %s, whose node gives another value", c.Name, b.Hash, lied, cosigners[2].name)
				}
			}
		}
		t.Logf("%s: %d batches, each with 2 signatures; %d with topic %d, none signed by %s; %s signed %d batches without it",
			c.Name, len(batches), withLie, lied, cosigners[2].name, cosigners[2].name, liarSigned)
	}

	// What the co-signers' operators see.
	for i, cs := range cosigners {
		requireRunning(t, cs.proc)
		m := mustScrape(t, cs.addr)
		signed, _ := m.Value("allora_gateway_cosign_signed_batches_total")
		mismatch, _ := m.Value("allora_gateway_cosign_refused_total", "reason", "value_mismatch")
		t.Logf("%s: signed %v batches, refused %v for value_mismatch", cs.name, signed, mismatch)
		if i < 2 {
			if signed == 0 {
				t.Errorf("%s (honest) signed no batch", cs.name)
			}
			// Its node revises every height after the relayer read it: a batch read
			// before a revision is still the node's answer as of then, and signed. The
			// restarted one's record holds what it signed before the crash; the relayer
			// proposes nothing that contradicts it.
			for _, reason := range []string{"value_mismatch", "unknown_version", "stale_proposal", "timestamp_mismatch", "slashing_protection"} {
				if n, _ := m.Value("allora_gateway_cosign_refused_total", "reason", reason); n != 0 {
					t.Errorf("%s (honest) refused %v batches for %s", cs.name, n, reason)
				}
			}
			continue
		}
		if mismatch == 0 {
			t.Errorf("%s (fed another value for topic %d) has refused_total{reason=\"value_mismatch\"} 0", cs.name, lied)
		}
		log, err := os.ReadFile(cs.proc.LogPath)
		if err != nil {
			t.Fatal(err)
		}
		found := ""
		for line := range strings.SplitSeq(string(log), "\n") {
			if strings.Contains(line, "level=WARN") && strings.Contains(line, "refused to sign") && strings.Contains(line, "reason=value_mismatch") &&
				strings.Contains(line, fmt.Sprintf("topic %d", lied)) {
				found = line
				break
			}
		}
		if found == "" {
			t.Errorf("%s's log has no warning that it refused to sign topic %d for value_mismatch", cs.name, lied)
		} else {
			t.Logf("%s log: %s", cs.name, found)
		}
	}
}

func mustPrice(t *testing.T, e *emulator.Emulator, topic uint64) string {
	t.Helper()
	p, ok := e.Price(topic)
	if !ok {
		t.Fatalf("no topic %d", topic)
	}
	return p
}

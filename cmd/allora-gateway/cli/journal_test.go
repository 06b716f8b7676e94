package cli_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// TestJournalListsWhatIsInFlight journals a signed transaction in Redis the way the
// relayer's transaction manager does, on a chain where its nonce is still free: the
// journal command lists it, with its key, nonce, fee and topics, as pending; once a
// transaction of the key takes the nonce, as mined.
func TestJournalListsWhatIsInFlight(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dc, err := devchain.New(devchain.Config{ChainID: 56, BlockTime: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- dc.Run(ctx) }()
	defer func() { cancel(); <-done; dc.Close() }()
	client, err := ethclient.Dial(dc.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	prefix := fmt.Sprintf("allora-gateway-journaltest-%d-%d", os.Getpid(), time.Now().UnixNano())
	st, closeStore, err := store.DialRedis(ctx, "redis://127.0.0.1:6379/0", prefix)
	if err != nil {
		t.Fatalf("the test needs Redis on 127.0.0.1:6379 (make test starts it): %v", err)
	}
	defer func() { _ = closeStore() }()

	key := devchain.DevKey(3)
	from := crypto.PubkeyToAddress(key.PublicKey)
	signer := types.LatestSignerForChainID(big.NewInt(56))
	sign := func(nonce uint64, tip int64) *types.Transaction {
		to := from
		tx, err := types.SignNewTx(key, signer, &types.DynamicFeeTx{ChainID: big.NewInt(56), Nonce: nonce, GasTipCap: big.NewInt(tip),
			GasFeeCap: big.NewInt(25_000_000_000), Gas: 21_000, To: &to, Value: new(big.Int)})
		if err != nil {
			t.Fatal(err)
		}
		return tx
	}
	nonce, err := client.NonceAt(ctx, from, nil)
	if err != nil {
		t.Fatal(err)
	}
	journaled := sign(nonce, 1_000_000_000)
	raw, err := journaled.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	err = st.JournalPut(ctx, store.JournalEntry{ChainID: 56, Nonce: nonce, TxHash: journaled.Hash(), RawTx: raw, Attempt: 2,
		SentAt: time.Now().Add(-time.Minute), Updates: []oracle.Update{{TopicID: 7, Value: big.NewInt(1), BlockHeight: 9, Timestamp: 1}}})
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "relayer.yaml")
	cfg := fmt.Sprintf(`allora: {endpoint: "http://127.0.0.1:1", emissions_version: v5}
topics: [7]
chains:
  - {name: bnb, chain_id: 56, rpc: %q, oracle: "0x5FbDB2315678afecb367f032d93F642f64180aa3"}
signers:
  submitter: {keystore: /keys/submitter.json, passphrase_file: /keys/submitter.pass}
  oracle: [{keystore: /keys/oracle-0.json, passphrase_env: P}]
redis: {url: "redis://127.0.0.1:6379/0", prefix: %q}
`, dc.URL(), prefix)
	if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	list := func() []map[string]any {
		t.Helper()
		var stdout, stderr lockedBuffer
		if code := cli.Run(ctx, []string{"journal", "--config", path, "--json"}, &stdout, &stderr); code != 0 {
			t.Fatalf("journal exited %d: %s", code, stderr.String())
		}
		var out []map[string]any
		if err := json.Unmarshal([]byte(stdout.String()), &out); err != nil {
			t.Fatalf("journal --json printed %q: %v", stdout.String(), err)
		}
		return out
	}
	got := list()
	if len(got) != 1 {
		t.Fatalf("journal lists %v, want the one entry", got)
	}
	e := got[0]
	if e["chain"] != "bnb" || e["from"] != from.Hex() || e["nonce"] != float64(nonce) || e["tx_hash"] != journaled.Hash().Hex() ||
		e["attempt"] != float64(2) || e["gas_price_wei"] != "25000000000" || fmt.Sprint(e["topics"]) != "[7]" || e["state"] != "pending" {
		t.Errorf("journal entry %v, want bnb's nonce %d from %s, attempt 2, 25 gwei, topic 7, pending", e, nonce, from.Hex())
	}

	var stdout, stderr lockedBuffer
	if code := cli.Run(ctx, []string{"journal", "--config", path}, &stdout, &stderr); code != 0 {
		t.Fatalf("journal exited %d: %s", code, stderr.String())
	}
	for _, want := range []string{"CHAIN", "bnb", from.Hex(), "25", "pending", journaled.Hash().Hex()} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("journal table lacks %q:\n%s", want, stdout.String())
		}
	}

	// Another transaction takes the nonce: the entry is mined.
	other := sign(nonce, 2_000_000_000)
	if err := client.SendTransaction(ctx, other); err != nil {
		t.Fatal(err)
	}
	testsupport.WaitFor(t, 30*time.Second, "the replacing transaction mined", func() bool {
		n, err := client.NonceAt(ctx, from, nil)
		return err == nil && n > nonce
	})
	if got := list(); len(got) != 1 || got[0]["state"] != "mined" {
		t.Errorf("journal after the nonce was taken: %v, want the entry mined", got)
	}

	// Without Redis there is no journal another process can read.
	noRedis := filepath.Join(dir, "memory.yaml")
	if err := os.WriteFile(noRedis, []byte(strings.Split(cfg, "redis:")[0]), 0o600); err != nil {
		t.Fatal(err)
	}
	stderr = lockedBuffer{}
	if code := cli.Run(ctx, []string{"journal", "--config", noRedis}, &stdout, &stderr); code == 0 || !strings.Contains(stderr.String(), "redis.url is not set") {
		t.Errorf("journal without redis.url: exit %d, stderr %q", code, stderr.String())
	}
}

package api_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// thresholdSigner signs as the relayer does for pull mode: the first threshold of its
// signers to answer, ordered by address.
type thresholdSigner struct {
	domain    oracle.Domain
	signers   []oracle.Signer
	threshold int
}

func (s thresholdSigner) SignUpdates(ctx context.Context, chainID uint64, updates []oracle.Update) ([][]byte, error) {
	if chainID != s.domain.ChainID.Uint64() {
		return nil, errors.New("not this signer's chain")
	}
	bs := make([]oracle.BatchSigner, len(s.signers))
	for i, k := range s.signers {
		bs[i] = oracle.LocalBatchSigner(k)
	}
	return oracle.CollectSignatures(ctx, s.domain, updates, bs, s.threshold, oracle.CollectOptions{})
}

type signedUpdate struct {
	ChainID     uint64          `json:"chain_id"`
	To          string          `json:"to"`
	Calldata    string          `json:"calldata"`
	Digest      string          `json:"digest"`
	TypedData   json.RawMessage `json:"typed_data"`
	BlockHeight uint64          `json:"block_height"`
	Signatures  []struct {
		Signer    string `json:"signer"`
		Signature string `json:"signature"`
	} `json:"signatures"`
}

// TestPullModeSubmitsOnChain fetches a signed update from the API and submits its
// calldata as a plain transaction from an account that has nothing to do with the
// gateway to the oracle on an in-process chain, then reads latest() back; the same
// calldata with one byte of the value changed reverts.
func TestPullModeSubmitsOnChain(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	chain, err := devchain.New(devchain.Config{ChainID: 56, BlockTime: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer chain.Close()
	runCtx, stop := context.WithCancel(ctx)
	ran := make(chan error, 1)
	go func() { ran <- chain.Run(runCtx) }()
	defer func() { stop(); <-ran }()
	client, err := ethclient.DialContext(ctx, chain.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()

	var signers []oracle.Signer
	var addrs []common.Address
	for i := 1; i <= 3; i++ {
		s := oracle.NewKeySigner(devchain.DevKey(i))
		signers, addrs = append(signers, s), append(addrs, s.Address())
	}
	owner := devchain.DevKey(0)
	oracleAddr, _, err := evm.DeployOracle(ctx, client, owner, evm.DeployParams{
		Owner: crypto.PubkeyToAddress(owner.PublicKey), Signers: addrs, Threshold: 2, MaxAge: 3600, MaxFutureSkew: 300,
	})
	if err != nil {
		t.Fatal(err)
	}

	st := store.NewMemory()
	if err := st.PutTopic(ctx, oracle.Topic{ID: 1, Metadata: "ETH 5min Price Prediction"}); err != nil {
		t.Fatal(err)
	}
	inf := oracle.Inference{TopicID: 1, BlockHeight: 4242, Value: "3012.456789", Timestamp: time.Now().Add(-10 * time.Second)}
	if err := st.PutInference(ctx, scaledInference(t, inf)); err != nil {
		t.Fatal(err)
	}
	domain := oracle.NewDomain(big.NewInt(56), oracleAddr)
	h := api.New(st, api.WithUpdateSigning(thresholdSigner{domain: domain, signers: signers, threshold: 2}, domain)).Handler()
	res := do(t, h, "GET", "/v1/topics/1/update?chain=56")
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("update answered %d %s", res.StatusCode, body)
	}
	var up signedUpdate
	if err := json.Unmarshal(body, &up); err != nil {
		t.Fatal(err)
	}
	if up.ChainID != 56 || up.To != oracleAddr.Hex() || up.BlockHeight != 4242 || len(up.Signatures) != 2 {
		t.Fatalf("payload %s", body)
	}
	// Each signature recovers to its signer, over the digest of the typed data.
	var got []common.Address
	for _, sg := range up.Signatures {
		signer, err := oracle.RecoverSigner(common.HexToHash(up.Digest), hexutil.MustDecode(sg.Signature))
		if err != nil || signer.Hex() != sg.Signer {
			t.Errorf("signature of %s recovers to %s, %v", sg.Signer, signer, err)
		}
		got = append(got, signer)
	}
	if len(got) != 2 || strings.ToLower(got[0].Hex()) >= strings.ToLower(got[1].Hex()) ||
		!slices.Contains(addrs, got[0]) || !slices.Contains(addrs, got[1]) {
		t.Errorf("signers %v, want two of %v (the threshold, no more) in ascending order", got, addrs)
	}
	if !strings.Contains(string(up.TypedData), `"primaryType":"Batch"`) || !strings.Contains(string(up.TypedData), `"blockHeight":"4242"`) {
		t.Errorf("typed data %s", up.TypedData)
	}
	// The cached answer is the same bytes.
	again, _ := io.ReadAll(do(t, h, "GET", "/v1/topics/1/update?chain=56").Body)
	if string(again) != string(body) {
		t.Error("second answer differs from the first")
	}

	stranger := devchain.DevKey(9)
	calldata := hexutil.MustDecode(up.Calldata)
	receipt := sendRaw(ctx, t, client, stranger, common.HexToAddress(up.To), calldata)
	if receipt.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("submitting the API's calldata failed: receipt status %d", receipt.Status)
	}
	reader, err := evm.NewReader(ctx, oracle.Chain{ID: 56, Name: "bnb", Oracle: oracleAddr}, client)
	if err != nil {
		t.Fatal(err)
	}
	latest, err := reader.Latest(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := new(big.Int).SetString("3012456789000000000000", 10)
	if latest.Value.Cmp(want) != 0 || latest.BlockHeight != 4242 || latest.Timestamp != uint64(inf.Timestamp.Unix()) {
		t.Errorf("latest(1) = %s at height %d, time %d; want %s at 4242, %d", latest.Value, latest.BlockHeight, latest.Timestamp, want, inf.Timestamp.Unix())
	}

	// One byte of the value changed: the signatures no longer match, and it reverts.
	tampered := slices.Clone(calldata)
	i := strings.Index(hexutil.Encode(calldata), want.Text(16)) // the value word, in hex
	if i < 0 {
		t.Fatal("value not found in calldata")
	}
	tampered[(i-2)/2] ^= 0x01
	bad := sendRaw(ctx, t, client, stranger, common.HexToAddress(up.To), tampered)
	if bad.Status != types.ReceiptStatusFailed {
		t.Errorf("tampered calldata: receipt status %d, want failed", bad.Status)
	}
}

// sendRaw sends data to `to` from key as a plain legacy transaction with a fixed gas
// limit (so that a reverting call is still mined) and waits for its receipt.
func sendRaw(ctx context.Context, t *testing.T, client *ethclient.Client, k *ecdsa.PrivateKey, to common.Address, data []byte) *types.Receipt {
	t.Helper()
	from := crypto.PubkeyToAddress(k.PublicKey)
	nonce, err := client.PendingNonceAt(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	price, err := client.SuggestGasPrice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := types.SignTx(types.NewTransaction(nonce, to, new(big.Int), 1_000_000, price, data), types.LatestSignerForChainID(big.NewInt(56)), k)
	if err != nil {
		t.Fatal(err)
	}
	if err := client.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	receipt, err := bind.WaitMined(ctx, client, tx.Hash())
	if err != nil {
		t.Fatal(err)
	}
	return receipt
}

// unreachedSigner fails as the relayer does when too few signers answer.
type unreachedSigner struct{}

func (unreachedSigner) SignUpdates(context.Context, uint64, []oracle.Update) ([][]byte, error) {
	return nil, fmt.Errorf("1 of 2 signatures: %w", oracle.ErrThresholdNotReached)
}

// TestPullModeAnswers503BelowTheThreshold: when the oracle's threshold of signers does
// not sign, pull mode says so with a 503 and a reason, and caches nothing.
func TestPullModeAnswers503BelowTheThreshold(t *testing.T) {
	ctx := context.Background()
	st := store.NewMemory()
	if err := st.PutTopic(ctx, oracle.Topic{ID: 1, Metadata: "ETH 5min Price Prediction"}); err != nil {
		t.Fatal(err)
	}
	inf := oracle.Inference{TopicID: 1, BlockHeight: 4242, Value: "3012.5", Timestamp: time.Now().Add(-10 * time.Second)}
	if err := st.PutInference(ctx, scaledInference(t, inf)); err != nil {
		t.Fatal(err)
	}
	domain := oracle.NewDomain(big.NewInt(56), common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3"))
	h := api.New(st, api.WithUpdateSigning(unreachedSigner{}, domain)).Handler()
	for range 2 {
		res := do(t, h, "GET", "/v1/topics/1/update?chain=56")
		body, _ := io.ReadAll(res.Body)
		if res.StatusCode != 503 || !strings.Contains(string(body), "too few of the oracle's signers signed") {
			t.Fatalf("update answered %d %s, want 503 naming the threshold", res.StatusCode, body)
		}
	}
}

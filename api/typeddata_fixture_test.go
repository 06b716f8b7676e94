package api_test

import (
	"bytes"
	"encoding/json"
	"io"
	"math/big"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/allora-gateway/allora-gateway/api"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/allora-gateway/allora-gateway/relayer/store"
)

// signedUpdateFixture is a real answer of /v1/topics/{id}/update, which the npm
// package's type check assigns to its generated SignedUpdate type.
const signedUpdateFixture = "../bindings/js/test/testdata/signed-update.json"

// TestSignedUpdateFixtureCurrent answers /v1/topics/1/update from fixed keys and a
// fixed inference and checks the answer is the npm package's fixture, byte for byte
// (UPDATE_GOLDEN=1 rewrites it), so the TypeScript types are checked against what the
// gateway sends.
func TestSignedUpdateFixtureCurrent(t *testing.T) {
	ctx := t.Context()
	st := store.NewMemory()
	if err := st.PutTopic(ctx, oracle.Topic{ID: 1, Metadata: "ETH 5min Price Prediction"}); err != nil {
		t.Fatal(err)
	}
	inf := oracle.Inference{TopicID: 1, BlockHeight: 4242, LossBlockHeight: 4230, Value: "3012.456789",
		Timestamp: time.Date(2026, 11, 24, 20, 0, 0, 0, time.UTC)}
	if err := st.PutInference(ctx, scaledInference(t, inf)); err != nil {
		t.Fatal(err)
	}
	// Every signer signs: which two of three answer first varies, all three do not.
	var signers []oracle.Signer
	for i := 1; i <= 3; i++ {
		signers = append(signers, oracle.NewKeySigner(devchain.DevKey(i)))
	}
	domain := oracle.NewDomain(big.NewInt(56), common.HexToAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3"))
	h := api.New(st, api.WithUpdateSigning(thresholdSigner{domain: domain, signers: signers, threshold: len(signers)}, domain)).Handler()
	res := do(t, h, "GET", "/v1/topics/1/update?chain=56")
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("update answered %d %s", res.StatusCode, body)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, body, "", "  "); err != nil {
		t.Fatal(err)
	}
	pretty.WriteByte('\n')
	if os.Getenv("UPDATE_GOLDEN") != "" {
		if err := os.WriteFile(signedUpdateFixture, pretty.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(signedUpdateFixture)
	if err != nil {
		t.Fatalf("%v (UPDATE_GOLDEN=1 writes it)", err)
	}
	if !bytes.Equal(want, pretty.Bytes()) {
		t.Errorf("%s is not what the gateway answers now (UPDATE_GOLDEN=1 rewrites it); the answer:\n%s", signedUpdateFixture, pretty.Bytes())
	}
}

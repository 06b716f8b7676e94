package devchain_test

import (
	"context"
	"errors"
	"math/big"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
)

func TestChainServesJSONRPCWithItsChainIDAndProducesBlocks(t *testing.T) {
	for _, id := range []uint64{56, 324, 146} {
		chain, err := devchain.New(devchain.Config{ChainID: id, BlockTime: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- chain.Run(ctx) }()

		client, err := ethclient.DialContext(ctx, chain.URL())
		if err != nil {
			t.Fatal(err)
		}
		got, err := client.ChainID(ctx)
		if err != nil {
			t.Fatalf("eth_chainId over %s: %v", chain.URL(), err)
		}
		if got.Uint64() != id {
			t.Errorf("eth_chainId = %d, want %d", got, id)
		}
		deadline := time.Now().Add(10 * time.Second)
		var height uint64
		for height < 3 && time.Now().Before(deadline) {
			height, err = client.BlockNumber(ctx)
			if err != nil {
				t.Fatal(err)
			}
			time.Sleep(20 * time.Millisecond)
		}
		if height < 3 {
			t.Errorf("chain %d: block number %d after 10s, want blocks every 50ms", id, height)
		}
		balance, err := client.BalanceAt(ctx, crypto.PubkeyToAddress(devchain.DevKey(0).PublicKey), nil)
		if err != nil {
			t.Fatal(err)
		}
		if balance.Sign() <= 0 {
			t.Errorf("development account 0 holds %s, want a prefunded balance", balance)
		}
		client.Close()
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
		if err := chain.Close(); err != nil {
			t.Error(err)
		}
		if err := chain.Close(); err != nil {
			t.Errorf("second Close: %v", err)
		}
	}
}

func TestChainRefusesATakenPort(t *testing.T) {
	first, err := devchain.New(devchain.Config{ChainID: 56})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	u, err := url.Parse(first.URL())
	if err != nil {
		t.Fatal(err)
	}
	port, err := strconv.Atoi(u.Port())
	if err != nil {
		t.Fatal(err)
	}
	_, err = devchain.New(devchain.Config{ChainID: 56, Port: port})
	if !errors.Is(err, devchain.ErrPortInUse) {
		t.Fatalf("New on a taken port: err = %v, want ErrPortInUse", err)
	}
}

// TestStorageWritesCostWhatTheTargetChainsCharge writes one fresh storage slot and checks
// the transaction's gas is the Osaka schedule's: 21,000 for the transaction, 22,100 for
// a cold write of a zero slot, and the contract's few opcodes and calldata. Under the
// draft forks go-ethereum enables by default a storage write costs several times that,
// and every gas figure and cap tried on devnet would be wrong.
func TestStorageWritesCostWhatTheTargetChainsCharge(t *testing.T) {
	chain, err := devchain.New(devchain.Config{ChainID: 56, BlockTime: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer chain.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- chain.Run(ctx) }()
	defer func() { cancel(); <-done }()
	client, err := ethclient.DialContext(ctx, chain.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	key := devchain.DevKey(0)
	signer := types.LatestSignerForChainID(big.NewInt(56))
	send := func(nonce uint64, to *common.Address, data []byte) *types.Receipt {
		t.Helper()
		tx, err := types.SignNewTx(key, signer, &types.DynamicFeeTx{
			ChainID: big.NewInt(56), Nonce: nonce, To: to, Gas: 500_000, Data: data,
			GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e11),
		})
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
		if receipt.Status != types.ReceiptStatusSuccessful {
			t.Fatalf("transaction %d failed", nonce)
		}
		return receipt
	}
	// Runtime: SSTORE(CALLDATALOAD(0), 1); STOP. Init code copies it and returns it.
	runtime := []byte{0x60, 0x01, 0x60, 0x00, 0x35, 0x55, 0x00}
	initCode := append([]byte{0x60, byte(len(runtime)), 0x60, 0x0c, 0x60, 0x00, 0x39, 0x60, byte(len(runtime)), 0x60, 0x00, 0xf3}, runtime...)
	deployed := send(0, nil, initCode)
	receipt := send(1, &deployed.ContractAddress, common.LeftPadBytes([]byte{7}, 32))
	const want = 21_000 + 22_100
	if receipt.GasUsed < want || receipt.GasUsed > want+1_000 {
		t.Fatalf("a fresh storage write used %d gas, want about %d (the Osaka schedule)", receipt.GasUsed, want)
	}
}

package devchain_test

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"testing"
	"time"

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

// Package devchain runs an in-process EVM chain for devnet and tests: go-ethereum's
// simulated backend with a chosen chain id, real JSON-RPC over HTTP on a loopback
// port, prefunded development accounts, and a block produced at a steady interval.
// Anything that speaks Ethereum JSON-RPC (cast, ethers, ethclient) can use it.
package devchain

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/ethclient/simulated"
	"github.com/ethereum/go-ethereum/node"
)

// DevKeys are the private keys of the prefunded development accounts: the same ten
// accounts anvil and hardhat derive from their well-known test mnemonic, so wallets
// and tools configured for local development work unchanged. Never use them on a
// real chain.
var DevKeys = []string{
	"ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
	"59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
	"5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
	"7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
	"47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
	"8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
	"92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
	"4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
	"dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
	"2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
}

// DevKey returns development key i (0 to len(DevKeys)-1).
func DevKey(i int) *ecdsa.PrivateKey {
	key, err := crypto.HexToECDSA(DevKeys[i])
	if err != nil {
		panic(fmt.Sprintf("development key %d: %v", i, err))
	}
	return key
}

// LiveGasSchedule is an option of go-ethereum's simulated backend that runs the chain on
// the Osaka rules (Cancun and Prague included), the gas schedule Ethereum and the
// target chains (BNB Smart Chain, ZKsync Era, Sonic) price storage and calldata with.
// go-ethereum's development default also switches on the draft Amsterdam and Bogota
// forks, whose state-gas metering (EIP-8037/8038) prices storage writes several times
// higher: gas figures and gas caps measured there would describe a chain nobody runs.
func LiveGasSchedule(_ *node.Config, ec *ethconfig.Config) {
	cfg := *ec.Genesis.Config
	cfg.AmsterdamTime = nil
	cfg.BogotaTime = nil
	ec.Genesis.Config = &cfg
}

// Config says which chain to run and where.
type Config struct {
	ChainID   uint64        // EIP-155 chain id, such as 56
	Host      string        // JSON-RPC listen host; default 127.0.0.1
	Port      int           // JSON-RPC listen port; 0 picks a free one
	BlockTime time.Duration // interval between blocks; 0 means blocks only on Commit
	// Balance is what each development account holds at genesis; default 10,000 ether.
	Balance *big.Int
}

// Chain is a running in-process EVM chain.
type Chain struct {
	cfg     Config
	backend *simulated.Backend
	url     string

	mu      sync.Mutex // serialises Commit and Close
	closed  bool
	stop    chan struct{}
	stopped chan struct{}
}

// ErrPortInUse is returned when the JSON-RPC port is already taken.
var ErrPortInUse = errors.New("port in use")

// New starts a chain serving JSON-RPC over HTTP. The block producer starts with Start.
func New(cfg Config) (c *Chain, err error) {
	if cfg.ChainID == 0 {
		return nil, errors.New("devchain: chain id must be set")
	}
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1"
	}
	if cfg.Balance == nil {
		cfg.Balance = new(big.Int).Mul(big.NewInt(10_000), big.NewInt(1e18))
	}
	if cfg.Port == 0 {
		if cfg.Port, err = freePort(cfg.Host); err != nil {
			return nil, fmt.Errorf("devchain %d: pick a port: %w", cfg.ChainID, err)
		}
	} else if err := portFree(cfg.Host, cfg.Port); err != nil {
		return nil, fmt.Errorf("devchain %d: %s:%d: %w (stop what listens there, or choose another port)",
			cfg.ChainID, cfg.Host, cfg.Port, ErrPortInUse)
	}

	alloc := types.GenesisAlloc{}
	for i := range DevKeys {
		alloc[crypto.PubkeyToAddress(DevKey(i).PublicKey)] = types.Account{Balance: new(big.Int).Set(cfg.Balance)}
	}
	chainID := new(big.Int).SetUint64(cfg.ChainID)
	configure := func(nc *node.Config, ec *ethconfig.Config) {
		LiveGasSchedule(nc, ec)
		genesisConfig := *ec.Genesis.Config
		genesisConfig.ChainID = chainID
		ec.Genesis.Config = &genesisConfig
		ec.NetworkId = cfg.ChainID
		nc.HTTPHost = cfg.Host
		nc.HTTPPort = cfg.Port
		nc.HTTPModules = []string{"eth", "net", "web3"}
		nc.HTTPVirtualHosts = []string{"localhost"}
		nc.HTTPCors = []string{"*"}
	}
	// The simulated backend panics when its node cannot start; turn that into an error.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("devchain %d: start node on %s:%d: %v", cfg.ChainID, cfg.Host, cfg.Port, r)
		}
	}()
	backend := simulated.NewBackend(alloc, configure)
	return &Chain{
		cfg:     cfg,
		backend: backend,
		url:     "http://" + net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port)),
		stop:    make(chan struct{}),
		stopped: make(chan struct{}),
	}, nil
}

// URL is the chain's JSON-RPC endpoint, such as http://127.0.0.1:8545.
func (c *Chain) URL() string { return c.url }

// Commit seals the pending transactions into a new block now.
func (c *Chain) Commit() common.Hash {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return common.Hash{}
	}
	return c.backend.Commit()
}

// Run produces a block every BlockTime until ctx is done or the chain is closed. With
// a zero BlockTime it only waits: blocks then come from Commit.
func (c *Chain) Run(ctx context.Context) error {
	defer close(c.stopped)
	if c.cfg.BlockTime <= 0 {
		select {
		case <-ctx.Done():
		case <-c.stop:
		}
		return nil
	}
	ticker := time.NewTicker(c.cfg.BlockTime)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-c.stop:
			return nil
		case <-ticker.C:
			c.Commit()
		}
	}
}

// Close stops the node. It is safe to call more than once.
func (c *Chain) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return nil
	}
	c.closed = true
	close(c.stop)
	return c.backend.Close()
}

func freePort(host string) (int, error) {
	ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func portFree(host string, port int) error {
	ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		return err
	}
	return ln.Close()
}

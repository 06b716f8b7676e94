// Package anviltest runs anvil, Foundry's development node, for tests that need a real
// JSON-RPC chain in another process: one whose mempool, fee market, mining schedule and
// reorgs behave as a node's do, and which can be killed. anvil is the one installed from
// the contracts' lock file (`make deps`); a test that cannot find it fails and says so.
package anviltest

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// Node is one anvil process serving JSON-RPC on a loopback port.
type Node struct {
	ChainID uint64
	URL     string
	RPC     *rpc.Client
	Client  *ethclient.Client

	pid    int
	exited <-chan struct{}
	out    *testsupport.LockedBuffer
}

// Binary finds the anvil that `make deps` installs from the contracts' lock file,
// looking up from the working directory for the module root.
func Binary(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("cannot find the module root (go.mod) above the test's directory")
		}
		dir = parent
	}
	bin := filepath.Join(dir, "contracts", "node_modules", ".bin", "anvil")
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("anvil is not installed at %s: run `make deps` (or `make test`, which installs it): %v", bin, err)
	}
	return bin
}

// Start runs anvil for chainID with extra flags (such as "--block-time", "1") and
// stops it when the test ends. A port taken between choosing and binding it is
// retried on another.
func Start(t testing.TB, chainID uint64, flags ...string) *Node {
	t.Helper()
	bin := Binary(t)
	var lastErr error
	for range 3 {
		port := testsupport.FreePort(t)
		args := append([]string{"--chain-id", strconv.FormatUint(chainID, 10), "--host", "127.0.0.1",
			"--port", strconv.Itoa(port), "--silent"}, flags...)
		cmd := exec.Command(bin, args...)
		// The installed anvil is a node wrapper that starts the real binary as its
		// child: run both in their own process group and stop the group.
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		out := &testsupport.LockedBuffer{}
		cmd.Stdout, cmd.Stderr = out, out
		if err := cmd.Start(); err != nil {
			t.Fatalf("start anvil: %v", err)
		}
		exited := make(chan struct{})
		go func() { _ = cmd.Wait(); close(exited) }()
		n := &Node{ChainID: chainID, URL: "http://127.0.0.1:" + strconv.Itoa(port), pid: cmd.Process.Pid, exited: exited, out: out}
		if err := n.dial(); err != nil {
			n.Kill()
			lastErr = fmt.Errorf("%w; output: %s", err, out.String())
			continue
		}
		t.Cleanup(func() {
			n.Client.Close()
			n.Kill()
		})
		return n
	}
	t.Fatalf("anvil did not start: %v", lastErr)
	return nil
}

// Kill stops the node at once (SIGKILL to its process group) and waits for it.
func (n *Node) Kill() {
	_ = syscall.Kill(-n.pid, syscall.SIGKILL)
	<-n.exited
}

// Output is what anvil printed.
func (n *Node) Output() string { return n.out.String() }

// dial waits until anvil answers with the chain id it was given.
func (n *Node) dial() error {
	c, err := rpc.Dial(n.URL)
	if err != nil {
		return err
	}
	client := ethclient.NewClient(c)
	for range 200 {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		id, err := client.ChainID(ctx)
		cancel()
		if err == nil {
			if id.Uint64() != n.ChainID {
				client.Close()
				return fmt.Errorf("anvil at %s answers chain id %s, want %d", n.URL, id, n.ChainID)
			}
			n.RPC, n.Client = c, client
			return nil
		}
		select {
		case <-n.exited:
			client.Close()
			return fmt.Errorf("anvil exited: %w", err)
		case <-time.After(50 * time.Millisecond):
		}
	}
	client.Close()
	return fmt.Errorf("anvil at %s does not answer", n.URL)
}

// Call runs one of anvil's methods, failing the test if it errs; result may be nil.
func (n *Node) Call(t testing.TB, result any, method string, args ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := n.RPC.CallContext(ctx, result, method, args...); err != nil {
		t.Fatalf("chain %d: %s: %v", n.ChainID, method, err)
	}
}

// Mine makes one block now.
func (n *Node) Mine(t testing.TB) { t.Helper(); n.Call(t, nil, "evm_mine") }

// SetAutomine turns mining a block per transaction on or off.
func (n *Node) SetAutomine(t testing.TB, on bool) { t.Helper(); n.Call(t, nil, "evm_setAutomine", on) }

// SetIntervalMining makes a block every seconds (0 stops interval mining).
func (n *Node) SetIntervalMining(t testing.TB, seconds uint64) {
	t.Helper()
	n.Call(t, nil, "evm_setIntervalMining", seconds)
}

// SetBalance gives addr wei.
func (n *Node) SetBalance(t testing.TB, addr common.Address, wei *big.Int) {
	t.Helper()
	n.Call(t, nil, "anvil_setBalance", addr, (*hexutil.Big)(wei))
}

// SetNextBaseFee sets the base fee of the next block.
func (n *Node) SetNextBaseFee(t testing.TB, wei *big.Int) {
	t.Helper()
	n.Call(t, nil, "anvil_setNextBlockBaseFeePerGas", (*hexutil.Big)(wei))
}

// Reorg replaces the last depth blocks with as many new, empty ones.
func (n *Node) Reorg(t testing.TB, depth uint64) {
	t.Helper()
	n.Call(t, nil, "anvil_reorg", depth, []any{})
}

// PoolTx is a transaction waiting in the node's pool.
type PoolTx struct {
	Hash                 common.Hash     `json:"hash"`
	Nonce                hexutil.Uint64  `json:"nonce"`
	From                 common.Address  `json:"from"`
	GasPrice             *hexutil.Big    `json:"gasPrice"`
	MaxFeePerGas         *hexutil.Big    `json:"maxFeePerGas"`
	MaxPriorityFeePerGas *hexutil.Big    `json:"maxPriorityFeePerGas"`
	To                   *common.Address `json:"to"`
}

// Pool returns every transaction in the node's pool, pending and queued.
func (n *Node) Pool(t testing.TB) []PoolTx {
	t.Helper()
	var content map[string]map[string]map[string]PoolTx
	n.Call(t, &content, "txpool_content")
	var out []PoolTx
	for _, byFrom := range content {
		for _, byNonce := range byFrom {
			for _, tx := range byNonce {
				out = append(out, tx)
			}
		}
	}
	return out
}

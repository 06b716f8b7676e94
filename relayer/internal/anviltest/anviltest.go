// Package anviltest runs real anvil nodes for tests: each on a free loopback port with
// the chain id a test asks for, stopped when the test ends. anvil is the one the
// contracts' lock file pins (`make deps` installs it under contracts/node_modules).
package anviltest

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// Node is one anvil process serving JSON-RPC on a loopback port.
type Node struct {
	URL    string
	RPC    *rpc.Client
	Client *ethclient.Client
}

// Binary finds the anvil that `make deps` installs from the contracts' lock file.
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

// Start runs anvil for chainID with extra flags and stops it when the test ends.
// A port taken between choosing and binding it is retried on another.
func Start(t testing.TB, chainID uint64, flags ...string) *Node {
	t.Helper()
	bin := Binary(t)
	var lastErr error
	for try := 0; try < 3; try++ {
		port, err := freePort()
		if err != nil {
			t.Fatal(err)
		}
		args := append([]string{"--chain-id", strconv.FormatUint(chainID, 10), "--host", "127.0.0.1",
			"--port", strconv.Itoa(port), "--silent"}, flags...)
		cmd := exec.Command(bin, args...)
		// The installed anvil is a node wrapper that starts the real binary as its
		// child: run both in their own process group and stop the group.
		cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatalf("start anvil: %v", err)
		}
		exited := make(chan struct{})
		go func() { _ = cmd.Wait(); close(exited) }()
		stop := func() {
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
		url := "http://127.0.0.1:" + strconv.Itoa(port)
		node, err := dial(url, chainID, exited)
		if err != nil {
			stop()
			lastErr = fmt.Errorf("%w; output: %s", err, out.String())
			continue
		}
		t.Cleanup(func() {
			node.Client.Close()
			stop()
		})
		return node
	}
	t.Fatalf("anvil did not start: %v", lastErr)
	return nil
}

// dial waits until anvil answers with the chain id it was given.
func dial(url string, chainID uint64, exited <-chan struct{}) (*Node, error) {
	c, err := rpc.Dial(url)
	if err != nil {
		return nil, err
	}
	client := ethclient.NewClient(c)
	for i := 0; i < 200; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		id, err := client.ChainID(ctx)
		cancel()
		if err == nil {
			if id.Uint64() != chainID {
				client.Close()
				return nil, fmt.Errorf("anvil at %s answers chain id %s, want %d", url, id, chainID)
			}
			return &Node{URL: url, RPC: c, Client: client}, nil
		}
		select {
		case <-exited:
			client.Close()
			return nil, fmt.Errorf("anvil exited: %w", err)
		case <-time.After(50 * time.Millisecond):
		}
	}
	client.Close()
	return nil, fmt.Errorf("anvil at %s does not answer", url)
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// Call runs one of anvil's control methods, failing the test on an error.
func (a *Node) Call(t testing.TB, method string, args ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := a.RPC.CallContext(ctx, nil, method, args...); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

// Mine makes one block.
func (a *Node) Mine(t testing.TB) { t.Helper(); a.Call(t, "evm_mine") }

// Automine turns mining a block per transaction on or off.
func (a *Node) Automine(t testing.TB, on bool) { t.Helper(); a.Call(t, "evm_setAutomine", on) }

// SetBalance gives addr wei.
func (a *Node) SetBalance(t testing.TB, addr common.Address, wei *big.Int) {
	t.Helper()
	a.Call(t, "anvil_setBalance", addr, (*hexutil.Big)(wei))
}

// SetNextBaseFee sets the base fee of the next block.
func (a *Node) SetNextBaseFee(t testing.TB, wei *big.Int) {
	t.Helper()
	a.Call(t, "anvil_setNextBlockBaseFeePerGas", (*hexutil.Big)(wei))
}

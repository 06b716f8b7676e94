package txmgr_test

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
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/allora-gateway/allora-gateway/relayer/evm/txmgr"
)

// anvilNode is one anvil process serving JSON-RPC on a loopback port.
type anvilNode struct {
	url    string
	rpc    *rpc.Client
	client *ethclient.Client
}

// anvilBinary finds the anvil that `make deps` installs from the contracts' lock file.
func anvilBinary(t *testing.T) string {
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

// startAnvil runs anvil for chainID with extra flags and stops it when the test ends.
// A port taken between choosing and binding it is retried on another.
func startAnvil(t *testing.T, chainID uint64, flags ...string) *anvilNode {
	t.Helper()
	bin := anvilBinary(t)
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
		node, err := dialAnvil(url, chainID, exited)
		if err != nil {
			stop()
			lastErr = fmt.Errorf("%w; output: %s", err, out.String())
			continue
		}
		t.Cleanup(func() {
			node.client.Close()
			stop()
		})
		return node
	}
	t.Fatalf("anvil did not start: %v", lastErr)
	return nil
}

// dialAnvil waits until anvil answers with the chain id it was given.
func dialAnvil(url string, chainID uint64, exited <-chan struct{}) (*anvilNode, error) {
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
			return &anvilNode{url: url, rpc: c, client: client}, nil
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

// call runs one of anvil's control methods.
func (a *anvilNode) call(t *testing.T, method string, args ...any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := a.rpc.CallContext(ctx, nil, method, args...); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

func (a *anvilNode) mine(t *testing.T)              { t.Helper(); a.call(t, "evm_mine") }
func (a *anvilNode) automine(t *testing.T, on bool) { t.Helper(); a.call(t, "evm_setAutomine", on) }
func (a *anvilNode) setBalance(t *testing.T, addr common.Address, wei *big.Int) {
	t.Helper()
	a.call(t, "anvil_setBalance", addr, (*hexutil.Big)(wei))
}
func (a *anvilNode) setNextBaseFee(t *testing.T, wei *big.Int) {
	t.Helper()
	a.call(t, "anvil_setNextBlockBaseFeePerGas", (*hexutil.Big)(wei))
}

// events collects a manager's events for a test to wait on.
type events struct {
	mu   sync.Mutex
	all  []txmgr.Event
	more chan struct{}
}

func newEvents() *events { return &events{more: make(chan struct{}, 1)} }

func (e *events) record(ev txmgr.Event) {
	e.mu.Lock()
	e.all = append(e.all, ev)
	e.mu.Unlock()
	select {
	case e.more <- struct{}{}:
	default:
	}
}

// wait returns the first event of kind after the first skip such events, failing
// the test if the manager stops producing events for a minute (a hang, not a speed
// requirement).
func (e *events) wait(t *testing.T, kind txmgr.EventKind, skip int) txmgr.Event {
	t.Helper()
	for {
		e.mu.Lock()
		seen := 0
		for _, ev := range e.all {
			if ev.Kind == kind {
				if seen == skip {
					e.mu.Unlock()
					return ev
				}
				seen++
			}
		}
		e.mu.Unlock()
		select {
		case <-e.more:
		case <-time.After(time.Minute):
			t.Fatalf("no %v event (after %d) in a minute; events: %v", kind, skip, e.kinds())
		}
	}
}

func (e *events) count(kind txmgr.EventKind) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := 0
	for _, ev := range e.all {
		if ev.Kind == kind {
			n++
		}
	}
	return n
}

func (e *events) kinds() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]string, len(e.all))
	for i, ev := range e.all {
		out[i] = fmt.Sprintf("%v@%d", ev.Kind, ev.Nonce)
	}
	return out
}

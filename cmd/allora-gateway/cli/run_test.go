package cli_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/allora-gateway/allora-gateway/cmd/allora-gateway/cli"
	"github.com/allora-gateway/allora-gateway/internal/testsupport"
	"github.com/allora-gateway/allora-gateway/oracle"
	"github.com/allora-gateway/allora-gateway/relayer/allora/emulator"
	"github.com/allora-gateway/allora-gateway/relayer/evm"
	"github.com/allora-gateway/allora-gateway/relayer/evm/devchain"
	"github.com/ethereum/go-ethereum/ethclient"
)

// command is one subcommand run by cli.Run in the test's process, as the binary runs
// it: its output kept, its stderr printed when the test fails.
type command struct {
	t              *testing.T
	name           string
	stdout, stderr lockedBuffer
	cancel         context.CancelFunc
	done           chan struct{}
	code           int // cli.Run's exit code, once done is closed
}

// start runs args (such as "relayer", "--config", path) until stop or the end of the
// test.
func start(t *testing.T, ctx context.Context, args ...string) *command {
	t.Helper()
	ctx, cancel := context.WithCancel(ctx)
	c := &command{t: t, name: args[0], cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(c.done)
		c.code = cli.Run(ctx, args, &c.stdout, &c.stderr)
	}()
	t.Cleanup(func() {
		cancel()
		<-c.done
		if t.Failed() {
			t.Logf("%s stderr:\n%s", c.name, c.stderr.String())
		}
	})
	return c
}

// waitFor waits until cond holds, failing at once if the command exits meanwhile.
func (c *command) waitFor(within time.Duration, what string, cond func() (bool, string)) {
	c.t.Helper()
	testsupport.WaitForSeen(c.t, within, what, func() (bool, string) {
		select {
		case <-c.done:
			c.t.Fatalf("%s exited with %d while waiting for %s", c.name, c.code, what)
		default:
		}
		return cond()
	})
}

// stop ends the command's context and checks that it exits with 0 within 30s.
func (c *command) stop() {
	c.t.Helper()
	c.cancel()
	select {
	case <-c.done:
		if c.code != 0 {
			c.t.Errorf("%s exited with %d after its context ended, want 0", c.name, c.code)
		}
	case <-time.After(30 * time.Second):
		c.t.Fatalf("%s did not stop within 30s of its context ending", c.name)
	}
}

// topicsAbove reports whether every reader holds every topic above height, and what
// it saw otherwise.
func topicsAbove(ctx context.Context, readers []topicReader, topics []uint64, height uint64) (bool, string) {
	for _, r := range readers {
		st, err := r.w.TopicStates(ctx, topics)
		if err != nil {
			return false, err.Error()
		}
		for i, s := range st {
			if s.BlockHeight <= height {
				return false, fmt.Sprintf("%s topic %d at %d, want above %d", r.name, topics[i], s.BlockHeight, height)
			}
		}
	}
	return true, ""
}

// topicReader reads the oracle of one test chain.
type topicReader struct {
	name string
	w    *evm.Writer
}

// readers opens a reader of each chain's oracle, closed at the end of the test.
func readers(t *testing.T, ctx context.Context, chains []testChain) []topicReader {
	t.Helper()
	var out []topicReader
	for _, c := range chains {
		client, err := ethclient.Dial(c.url)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(client.Close)
		w, err := evm.NewWriter(ctx, oracle.Chain{ID: c.id, Name: c.name, Oracle: c.oracle}, client, devchain.DevKey(5))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, topicReader{c.name, w})
	}
	return out
}

// newTestEmulator is an Allora chain with topics 7 (ETH 5min, epochs of 4 blocks)
// and 9 (a log return, which may be negative), 100ms blocks.
func newTestEmulator(t *testing.T) *emulator.Emulator {
	t.Helper()
	emu, err := emulator.New(emulator.Config{
		BlockTime: 100 * time.Millisecond,
		Topics: []emulator.TopicConfig{
			{ID: 7, Metadata: "ETH 5min", EpochLength: 4, WorkerSubmissionWindow: 2, StartPrice: "3012.5"},
			{ID: 9, Metadata: "log return", EpochLength: 6, WorkerSubmissionWindow: 3, AllowNegative: true},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return emu
}

// testKeys are the keystore files of a relayer's keys in a test: the submitter (dev
// key 0, its passphrase in submitterPass) and oracle signers 1 and 2, whose
// passphrases are in signer1.pass and in TEST_SIGNER1_PASSPHRASE and
// TEST_SIGNER2_PASSPHRASE.
type testKeys struct {
	submitter, submitterPass, signer1, signer1Pass, signer2 string
}

func writeTestKeys(t *testing.T, dir string) testKeys {
	t.Helper()
	k := testKeys{
		submitter:     writeKey(t, dir, "submitter", devchain.DevKey(0), "submitter pass"),
		submitterPass: filepath.Join(dir, "submitter.pass"),
		signer1:       writeKey(t, dir, "signer1", devchain.DevKey(1), "one"),
		signer1Pass:   filepath.Join(dir, "signer1.pass"),
		signer2:       writeKey(t, dir, "signer2", devchain.DevKey(2), "two"),
	}
	if err := os.WriteFile(k.submitterPass, []byte("submitter pass\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(k.signer1Pass, []byte("one"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TEST_SIGNER1_PASSPHRASE", "one")
	t.Setenv("TEST_SIGNER2_PASSPHRASE", "two")
	return k
}

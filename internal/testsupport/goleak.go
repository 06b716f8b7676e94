package testsupport

import (
	"errors"
	"fmt"

	"go.uber.org/goleak"
)

// ThirdPartyGoroutines are goleak options that pass over goroutines dependencies start
// once per process and never stop, so no test can end them:
//   - the timer routine desertbit/timer starts in its init (a dependency of
//     improbable-eng's gRPC-web wrapper, which the Allora emulator serves through);
//   - the workers go-ethereum's simulated chains (ethclient/simulated, devchain) leave
//     behind when closed: their database's memory-pool drain and the sender cache's.
func ThirdPartyGoroutines() []goleak.Option {
	return []goleak.Option{
		goleak.IgnoreTopFunction("github.com/desertbit/timer.timerRoutine"),
		goleak.IgnoreTopFunction("github.com/syndtr/goleveldb/leveldb.(*DB).mpoolDrain"),
		goleak.IgnoreTopFunction("github.com/ethereum/go-ethereum/core.(*txSenderCacher).cache"),
	}
}

// FindLeaks is goleak.Find for a test that looks while other tests of its package still
// run. goleak cannot parse a goroutine whose stack the runtime cut short ("...N frames
// elided...", as a simulated chain's deep trie walk shows for an instant) and panics;
// such a stack is transient, so FindLeaks reads the goroutines again, a few times, before
// it gives up with an error instead of a panic.
func FindLeaks(opts ...goleak.Option) error {
	var err error
	for range 5 {
		if err = findOnce(opts); err == nil || !errors.Is(err, errUnparsable) {
			return err
		}
	}
	return err
}

var errUnparsable = errors.New("goleak could not parse a goroutine's stack")

func findOnce(opts []goleak.Option) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", errUnparsable, r)
		}
	}()
	return goleak.Find(opts...)
}

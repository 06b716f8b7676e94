package testsupport

import "go.uber.org/goleak"

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

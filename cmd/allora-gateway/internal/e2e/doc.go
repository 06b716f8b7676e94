// Package e2e is the relayer's end-to-end suite: the allora-gateway binary, built
// once, run as separate processes against three anvil nodes (chain ids 56, 324 and
// 146 with one-second blocks), a redis-server of the suite's own that a test can stop
// and start, and the Allora emulator in the test process. Each scenario is a test
// function on one harness (harness_test.go) that can start several relayers and other
// processes of the binary, put a killable proxy in front of a chain's endpoint, kill
// -9 and restart processes, restart Redis, and read what the chains hold: latest
// values, every applied update, the submitter's nonces and the node's pool.
//
// A scenario is a test function: newHarness, then h.WriteConfig(name, edit) for each
// process's config (edit changes the typed sections or adds keys under Extra),
// h.StartRelayer or h.Start for any other subcommand (a co-signer), h.ProxyChain for
// an endpoint a test can kill, h.AddAllora for another Allora node in step with the
// harness's (a co-signer's own, or one fed another value), ScrapeMetrics for what a
// process serves on /metrics, and h.CheckEndState at the end for what every scenario
// must leave behind.
//
// The scenarios: every topic within one epoch of Allora; kill -9 twenty times; a
// base-fee spike; a reorg; Redis restarted; the first RPC endpoint of a chain killed
// (rpc_failover_test.go); two replicas sharing the chains' leases, the leader killed
// (replicas_test.go); 2-of-3 co-signers, one fed another value (cosign_test.go); the
// round keeper sharing the submitter's key for a dozen rounds of a market, the
// chain's clock moved to each lock time (keeper_test.go).
//
// The suite runs with `make e2e` (E2E_BINARY runs it against a binary built
// elsewhere); `go test -short` skips it.
package e2e

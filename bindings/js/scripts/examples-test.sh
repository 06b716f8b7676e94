#!/usr/bin/env bash
# Runs every example of examples/ against a devnet, as an integrator would: takes the
# gateway binary from $GATEWAY_BIN (or builds it), starts `devnet` on free ports with its
# addresses files in a temporary directory, installs the `npm pack` tarball (with viem, its peer) in a fresh directory outside the
# repository, copies the examples there, compiles the Solidity consumer against the
# installed package, type-checks them with tsc --strict, and runs each one, checking its
# exit code and what it prints. Run from anywhere after `npm ci` in bindings/js and
# contracts/; devnet is stopped on exit. Every step has a time limit, so a step that hangs
# fails with its name and devnet's last lines rather than holding the run.
set -euo pipefail

pkg="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(cd "$pkg/../.." && pwd)"
tmp="$(mktemp -d)"
devnet_pid=""
started=$SECONDS
cleanup() {
	local rc=$?
	if [[ $rc -ne 0 && -s "$tmp/devnet.log" ]]; then
		echo "examples-test: failed (exit $rc) after $((SECONDS - started))s; devnet's last lines:" >&2
		tail -n 30 "$tmp/devnet.log" >&2
	fi
	if [[ -n "$devnet_pid" ]]; then
		kill "$devnet_pid" 2>/dev/null || true
		wait "$devnet_pid" 2>/dev/null || true
	fi
	rm -rf "$tmp"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

# say <text>: a progress line with the seconds since the start.
say() { echo "examples-test: [$((SECONDS - started))s] $*"; }
# limit <seconds> <what> <command...>: runs the command, failing with <what> named when it
# exits non-zero or outlives its time.
limit() {
	local secs="$1" what="$2" rc=0
	shift 2
	timeout --kill-after 10 "$secs" "$@" || rc=$?
	if [[ $rc -eq 124 || $rc -eq 137 ]]; then echo "examples-test: $what did not finish within ${secs}s" >&2; fi
	return "$rc"
}

# The package and the examples first: devnet's chains make a block every 100 ms, each a
# second later in chain time, so its clock runs ahead of the wall clock, and the longer it
# runs before the examples do, the older a fresh update looks on chain.
tarball="$(cd "$pkg" && limit 120 "npm pack" npm pack --silent --ignore-scripts --pack-destination "$tmp" | tail -n 1)"
dep() { node -p "require('$pkg/package.json').devDependencies['$1']"; }
viem="$(dep viem)" node_types="$(dep @types/node)"
mkdir "$tmp/app"
cd "$tmp/app"
cat >package.json <<JSON
{ "name": "examples", "private": true, "type": "module",
  "dependencies": { "@allora-gateway/sdk": "file:$tmp/$tarball", "viem": "$viem", "@types/node": "$node_types" } }
JSON
say "installing $tarball outside the repository"
limit 300 "npm install" npm install --no-audit --no-fund --prefer-offline --no-package-lock --silent
cp "$pkg"/examples/*.ts "$pkg"/examples/*.sol "$pkg"/examples/*.mjs "$pkg"/examples/tsconfig.json .
limit 120 "compiling PullConsumer.sol" node compile-consumer.mjs "$repo/contracts/node_modules/solc"
limit 120 "tsc" "$pkg/node_modules/.bin/tsc" -p tsconfig.json
say "examples compiled"

# Five free ports on 127.0.0.1: the API, the Allora emulator and the three chains.
read -r api_port allora_port bnb_port zksync_port sonic_port < <(node -e '
const net = require("node:net");
const servers = [...Array(5)].map(() => net.createServer().listen(0, "127.0.0.1"));
Promise.all(servers.map((s) => new Promise((r) => s.on("listening", r)))).then(() => {
  console.log(servers.map((s) => s.address().port).join(" "));
  servers.forEach((s) => s.close());
});')

# The gateway binary: $GATEWAY_BIN (make js-test passes make build's), else built here as
# make build builds it.
gateway="${GATEWAY_BIN:-}"
if [[ -z "$gateway" ]]; then
	say "building the gateway"
	gateway="$tmp/allora-gateway"
	(cd "$repo" && CGO_ENABLED=0 limit 600 "go build" go build -trimpath -o "$gateway" ./cmd/allora-gateway)
fi
say "starting devnet (API on $api_port)"
# The fastest blocks devnet's markets allow for: a round's 60 s of chain time pass in about 6 s.
"$gateway" devnet --api-port "$api_port" --allora-port "$allora_port" \
	--chain-ports "$bnb_port,$zksync_port,$sonic_port" --block-time 100ms --allora-block-time 200ms \
	--addresses-dir "$tmp/deployments" >"$tmp/devnet.log" 2>&1 &
devnet_pid=$!

api="http://127.0.0.1:$api_port"
# Ready when the API lists the markets devnet deploys: a deadline, not a count of tries, and
# each request bounded, so a slow or silent API cannot stretch the wait.
ready=$((SECONDS + 120))
until curl -sf --max-time 2 "$api/v1/chains" 2>/dev/null | grep -q '"markets":\[{'; do
	if ! kill -0 "$devnet_pid" 2>/dev/null; then echo "examples-test: devnet exited" >&2; exit 1; fi
	if ((SECONDS >= ready)); then echo "examples-test: the API did not list the markets within 120s" >&2; exit 1; fi
	sleep 0.2
done
test -s "$tmp/deployments/bnb.json"
say "devnet lists its markets"

export ALLORA_API="$api" RPC_URL="http://127.0.0.1:$bnb_port" TOPIC_ID=1
# Development keys 8 and 9, which devnet leaves to the user. Never use them on a real chain.
key8=dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97
key9=2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6

# example <name> <expected output (grep -E)> [env...]: runs out/<name>.js for at most
# three minutes, failing unless it exits 0 and prints a line matching the pattern.
example() {
	local name="$1" want="$2"
	shift 2
	local began=$SECONDS
	if ! limit 180 "$name" env "$@" node "out/$name.js" >"$tmp/$name.out" 2>&1; then
		cat "$tmp/$name.out" >&2
		echo "examples-test: $name failed" >&2
		exit 1
	fi
	sed "s/^/  $name: /" "$tmp/$name.out"
	grep -Eq "$want" "$tmp/$name.out" || { echo "examples-test: $name printed no line matching /$want/" >&2; exit 1; }
	echo "  $name: ok in $((SECONDS - began))s"
}

example read-feed 'answer [0-9]+\.[0-9]+ updated [0-9]+s ago'
example follow-stream 'events, then [0-9]+ more after resuming from [0-9]+'
example request-update '^update landed: topic 1 = ' PRIVATE_KEY="0x$key9"
example pull-then-read '^pull-then-read: topic 1 .* read [0-9.]+ .* in one transaction 0x' PRIVATE_KEY="0x$key9"
example bet-and-claim '^claimed round [0-9]+: |no claim within' PRIVATE_KEY="0x$key8" TIMEOUT_S=120
grep -q '^claimed round' "$tmp/bet-and-claim.out" || echo "examples-test: bet-and-claim reached no claim within its timeout (see its last line)"
echo "examples-test: every example ran against devnet from $tarball installed outside the repository"

#!/usr/bin/env bash
# Packs the package as `npm pack` publishes it and uses the tarball from a fresh directory
# outside the repository, as an integrator would: installs it (with viem, its peer), type-
# checks a TypeScript consumer with tsc --strict against the installed declarations, runs
# it, and compiles a Solidity consumer that imports the interfaces from the package path
# with solc alone (no OpenZeppelin). Run from bindings/js after `npm ci` and `npm run build`;
# viem comes from the npm cache `npm ci` filled where it can.
set -euo pipefail

pkg="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(cd "$pkg/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

tarball="$(cd "$pkg" && npm pack --silent --ignore-scripts --pack-destination "$tmp" | tail -n 1)"
viem="$(node -p "require('$pkg/package.json').devDependencies.viem")"

mkdir "$tmp/app"
cd "$tmp/app"
cat > package.json <<JSON
{ "name": "consumer", "private": true, "type": "module",
  "dependencies": { "@allora-gateway/sdk": "file:$tmp/$tarball", "viem": "$viem" } }
JSON
npm install --no-audit --no-fund --prefer-offline --no-package-lock --silent

cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
  "strict": true, "noEmit": false, "outDir": "out", "lib": ["ES2022", "DOM"], "types": [], "skipLibCheck": true } }
JSON
cat > consumer.ts <<'TS'
import { decodeErrorResult, decodeFunctionResult, encodeErrorResult, encodeFunctionData, type Hex } from "viem";
import { alloraFeedAbi, alloraOracleAbi, GatewayClient, verifySignedUpdate, type SignedUpdate, type SignerSet } from "@allora-gateway/sdk";

// viem infers the result types from the `as const` ABI: these assignments fail to compile otherwise.
const latest: readonly [bigint, number, bigint, bigint] = decodeFunctionResult({
  abi: alloraOracleAbi,
  functionName: "latest",
  data: ("0x" + "00".repeat(128)) as Hex,
});
const call: Hex = encodeFunctionData({ abi: alloraOracleAbi, functionName: "latest", args: [1n] });
// The feed's ABI carries the oracle's errors it passes on.
const noData = encodeErrorResult({ abi: alloraOracleAbi, errorName: "NoData", args: [7n] });
const err = decodeErrorResult({ abi: alloraFeedAbi, data: noData });
if (err.errorName !== "NoData") throw new Error(`feed ABI decoded ${err.errorName}`);
const errName: "NoData" | "RoundNotAvailable" | (string & {}) = err.errorName;
const client = new GatewayClient({ baseUrl: "http://127.0.0.1:8080" });
const check: (su: SignedUpdate, set: SignerSet) => Promise<readonly string[]> = verifySignedUpdate;
console.log(JSON.stringify({ latest: latest.map(String), call: call.slice(0, 10), errName, base: client.baseUrl, check: typeof check }));
TS
"$pkg/node_modules/.bin/tsc" -p tsconfig.json
node out/consumer.js

for f in abi/AlloraOracle.json contracts/IAlloraOracle.sol; do
	node -e "require.resolve('@allora-gateway/sdk/$f')" 2>/dev/null || test -f "node_modules/@allora-gateway/sdk/$f"
done

cat > Consumer.sol <<'SOL'
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IAlloraOracle} from "@allora-gateway/sdk/contracts/IAlloraOracle.sol";
import {IAlloraFeed} from "@allora-gateway/sdk/contracts/IAlloraFeed.sol";
import {AlloraStaleness} from "@allora-gateway/sdk/contracts/AlloraStaleness.sol";
import {IPredictionMarket} from "@allora-gateway/sdk/contracts/IPredictionMarket.sol";

contract Consumer {
    function pullThenRead(IAlloraOracle oracle, IAlloraOracle.Update[] calldata updates, IAlloraOracle.Signature[] calldata sigs)
        external
        returns (int256 value)
    {
        oracle.updateBatch(updates, sigs);
        (value,,,) = AlloraStaleness.latestNoOlderThan(oracle, updates[0].topicId, 300);
    }

    function readFeed(IAlloraFeed feed) external view returns (int256 answer) {
        (, answer,) = AlloraStaleness.latestNoOlderThan(feed, 300);
    }

    function openRound(IPredictionMarket market) external view returns (uint256 epoch, IPredictionMarket.Status status) {
        epoch = market.currentEpoch();
        status = market.rounds(epoch).status;
    }
}
SOL
SOLC_MODULE="$repo/contracts/node_modules/solc" node --input-type=module -e '
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
const require = createRequire(import.meta.url);
const solc = require(process.env.SOLC_MODULE);
const input = { language: "Solidity", sources: { "Consumer.sol": { content: readFileSync("Consumer.sol", "utf8") } },
  settings: { outputSelection: { "*": { "*": ["abi"] } } } };
const find = (p) => { try { return { contents: readFileSync("node_modules/" + p, "utf8") }; } catch (e) { return { error: String(e) }; } };
const out = JSON.parse(solc.compile(JSON.stringify(input), { import: find }));
const errors = (out.errors ?? []).filter((e) => e.severity === "error");
if (errors.length) { console.error(errors.map((e) => e.formattedMessage).join("\n")); process.exit(1); }
console.log("Consumer.sol compiled against the package:", Object.keys(out.sources).join(", "));
'
echo "pack-test: $tarball installs, type-checks and compiles outside the repository"

// Compiles PullConsumer.sol against the installed package with solc (npm's solc, no other
// dependency) and writes pull-consumer.ts: its ABI `as const` and its bytecode.
// Usage: node compile-consumer.mjs [path to the solc package]
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const solc = require(process.argv[2] ?? "solc");
const input = {
  language: "Solidity",
  sources: { "PullConsumer.sol": { content: readFileSync("PullConsumer.sol", "utf8") } },
  settings: { evmVersion: "cancun", optimizer: { enabled: true, runs: 200 }, outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
};
const find = (p) => {
  try {
    return { contents: readFileSync("node_modules/" + p, "utf8") };
  } catch (e) {
    return { error: String(e) };
  }
};
const out = JSON.parse(solc.compile(JSON.stringify(input), { import: find }));
const errors = (out.errors ?? []).filter((e) => e.severity === "error");
if (errors.length) {
  console.error(errors.map((e) => e.formattedMessage).join("\n"));
  process.exit(1);
}
const c = out.contracts["PullConsumer.sol"].PullConsumer;
writeFileSync(
  "pull-consumer.ts",
  `// Compiled from PullConsumer.sol by compile-consumer.mjs.\n` +
    `export const pullConsumerAbi = ${JSON.stringify(c.abi, null, 2)} as const;\n` +
    `export const pullConsumerBytecode = "0x${c.evm.bytecode.object}" as const;\n`,
);
console.log("compiled PullConsumer.sol against @allora-gateway/sdk into pull-consumer.ts");

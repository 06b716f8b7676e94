// A signed update made as the gateway makes one, with known keys (anvil's first three).
import { parseSignature, signatureToCompactSignature } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { batchDigest, updateBatchCalldata } from "../dist/index.js";

export const keys = [
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
];
export const accounts = keys.map((k) => privateKeyToAccount(k)).sort((a, b) => (BigInt(a.address) < BigInt(b.address) ? -1 : 1));
export const oracle = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

export async function signedUpdate(signers = accounts, { chainId = 56n } = {}) {
  const update = { topicId: 1n, value: -1234567890000000000n, blockHeight: 900n, lossBlockHeight: 880n, timestamp: 1700000000n };
  const digest = batchDigest(update, chainId, oracle);
  const signatures = [];
  for (const a of signers) {
    const signature = await a.sign({ hash: digest });
    const compact = signatureToCompactSignature(parseSignature(signature));
    signatures.push({ signer: a.address, signature, r: compact.r, vs: compact.yParityAndS });
  }
  return {
    chain_id: String(chainId),
    topic_id: "1",
    block_height: "900",
    to: oracle,
    update: { topic_id: "1", value: String(update.value), block_height: "900", loss_block_height: "880", timestamp: "1700000000" },
    typed_data: { types: {}, primaryType: "Batch", domain: {}, message: {} },
    digest,
    signatures,
    calldata: updateBatchCalldata(update, signatures.map(({ r, vs }) => ({ r, vs }))),
  };
}

// Pays for a fresh update of a topic with the oracle's requestUpdate and waits until the
// oracle holds a newer value than it did when asked.
// Env: ALLORA_API, RPC_URL, PRIVATE_KEY, TOPIC_ID (default 1), FEE_WEI (default 1e12),
// TIMEOUT_S (default 60).
import { formatUnits, parseEventLogs, type Address } from "viem";
import { alloraOracleAbi } from "@allora-gateway/sdk";
import { chainInfo, publicClient, run, topicId, wallet } from "./env.js";

run(async () => {
  const oracle = (await chainInfo()).oracle as Address;
  const client = await wallet();
  const fee = BigInt(process.env.FEE_WEI ?? "1000000000000");
  const timeoutMs = Number(process.env.TIMEOUT_S ?? "60") * 1000;

  const [before] = await publicClient.readContract({ address: oracle, abi: alloraOracleAbi, functionName: "latestVersion", args: [topicId] });
  const hash = await client.writeContract({ address: oracle, abi: alloraOracleAbi, functionName: "requestUpdate", args: [topicId], value: fee });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  const [requested] = parseEventLogs({ abi: alloraOracleAbi, eventName: "UpdateRequested", logs: receipt.logs });
  if (receipt.status !== "success" || !requested) throw new Error(`requestUpdate did not land: ${hash}`);
  console.log(`requested topic ${topicId} for ${formatUnits(requested.args.amount, 18)} in block ${receipt.blockNumber} (oracle at Allora block ${before})`);

  // Wait for the oracle to move past the version it held when asked.
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [value, decimals, timestamp, blockHeight] = await publicClient.readContract({
      address: oracle,
      abi: alloraOracleAbi,
      functionName: "latest",
      args: [topicId],
    });
    if (blockHeight > before) {
      console.log(`update landed: topic ${topicId} = ${formatUnits(value, decimals)} at Allora block ${blockHeight} (timestamp ${timestamp})`);
      return;
    }
    if (Date.now() > deadline) throw new Error(`no update of topic ${topicId} within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

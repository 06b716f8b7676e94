// Reads an AlloraFeed with Chainlink's AggregatorV3Interface, as code written for a Chainlink
// feed does: the same ABI, the same calls.
// Env: ALLORA_API, RPC_URL, TOPIC_ID (default 1) or FEED (the feed's address).
import { formatUnits, type Address } from "viem";
import { aggregatorV3InterfaceAbi } from "@allora-gateway/sdk";
import { addressFrom, chainInfo, publicClient, run, topicId } from "./env.js";

run(async () => {
  const feed = await addressFrom("FEED", async () => {
    const f = (await chainInfo()).feeds.find((f) => BigInt(f.topic_id) === topicId);
    if (!f) throw new Error(`no feed for topic ${topicId}`);
    return f.address as Address;
  });
  const read = { address: feed, abi: aggregatorV3InterfaceAbi } as const;
  const [description, decimals, [roundId, answer, , updatedAt]] = await Promise.all([
    publicClient.readContract({ ...read, functionName: "description" }),
    publicClient.readContract({ ...read, functionName: "decimals" }),
    publicClient.readContract({ ...read, functionName: "latestRoundData" }),
  ]);
  const age = BigInt(Math.floor(Date.now() / 1000)) - updatedAt;
  console.log(`feed ${feed} "${description}": round ${roundId} answer ${formatUnits(answer, decimals)} updated ${age}s ago`);
});

// Bets on a prediction market's open round and claims the winnings once a round is decided.
// A round locks one interval after it opens and closes one interval later; a bet backs the
// AI's call (betWithAI) or bets against it (betAgainstAI). The example bets the minimum on
// each round it finds open, alternating sides, until one of its bets wins, then claims it.
// Env: ALLORA_API, RPC_URL, PRIVATE_KEY, MARKET (the market's address; the chain's first
// market when unset), TIMEOUT_S (default 120).
import { formatEther, parseEventLogs, type Address } from "viem";
import { predictionMarketAbi } from "@allora-gateway/sdk";
import { addressFrom, chainInfo, publicClient, run, wallet } from "./env.js";

const status = ["None", "Open", "Locked", "AIRight", "AIWrong", "Void"] as const;
const voidReason = ["None", "Tie", "NoAICall", "OneSidedPool", "InvalidLockPrice", "InvalidPrediction", "InvalidClosePrice", "LockMissed", "CloseMissed"] as const;

run(async () => {
  const market = await addressFrom("MARKET", async () => {
    const m = (await chainInfo()).markets[0];
    if (!m) throw new Error("the chain has no market");
    return m.market_id as Address;
  });
  const client = await wallet();
  const me = client.account.address;
  const read = { address: market, abi: predictionMarketAbi } as const;
  const minBet = await publicClient.readContract({ ...read, functionName: "minBetAmount" });
  const timeoutMs = Number(process.env.TIMEOUT_S ?? "120") * 1000;
  const deadline = Date.now() + timeoutMs;
  const bets: bigint[] = [];
  let why = "no round was open for bets";

  while (Date.now() < deadline) {
    // A decided round this account won: claim it.
    for (const epoch of bets) {
      if (await publicClient.readContract({ ...read, functionName: "claimable", args: [epoch, me] })) {
        const owed = await publicClient.readContract({ ...read, functionName: "payout", args: [epoch, me] });
        const hash = await client.writeContract({ ...read, functionName: "claim", args: [[epoch]] });
        const receipt = await publicClient.waitForTransactionReceipt({ hash });
        const [claimed] = parseEventLogs({ abi: predictionMarketAbi, eventName: "Claimed", logs: receipt.logs });
        if (receipt.status !== "success" || !claimed) throw new Error(`claim of round ${epoch} did not land: ${hash}`);
        console.log(`claimed round ${epoch}: ${formatEther(claimed.args.amount)} (payout said ${formatEther(owed)}) in ${hash}`);
        return;
      }
    }
    // The open round, if this account has not bet in it yet.
    const epoch = await publicClient.readContract({ ...read, functionName: "currentEpoch" });
    const [round, now] = await Promise.all([
      publicClient.readContract({ ...read, functionName: "rounds", args: [epoch] }),
      publicClient.getBlock().then((b) => b.timestamp),
    ]);
    const open = status[round.status] === "Open" && now + 2n < BigInt(round.lockTimestamp) && round.predictionTimestamp !== 0;
    if (open && !bets.includes(epoch)) {
      const withAI = bets.length % 2 === 0;
      const hash = await client.writeContract({ ...read, functionName: withAI ? "betWithAI" : "betAgainstAI", args: [epoch, minBet], value: minBet });
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      const [placed] = parseEventLogs({ abi: predictionMarketAbi, eventName: "BetPlaced", logs: receipt.logs });
      if (receipt.status !== "success" || !placed) throw new Error(`bet in round ${epoch} did not land: ${hash}`);
      const after = await publicClient.readContract({ ...read, functionName: "rounds", args: [epoch] });
      console.log(
        `bet ${formatEther(placed.args.amount)} ${withAI ? "with" : "against"} the AI in round ${epoch} (locks at ${round.lockTimestamp}): ` +
          `pools with/against ${formatEther(round.withAIAmount)}/${formatEther(round.againstAIAmount)} -> ${formatEther(after.withAIAmount)}/${formatEther(after.againstAIAmount)}`,
      );
      bets.push(epoch);
    }
    // Why the latest bet has not paid yet.
    const last = bets[bets.length - 1];
    if (last !== undefined) {
      const r = await publicClient.readContract({ ...read, functionName: "rounds", args: [last] });
      const s = status[r.status];
      why =
        s === "Void"
          ? `round ${last} was voided (${voidReason[r.voidReason]}): its stake is refundable, not a win`
          : s === "AIRight" || s === "AIWrong"
            ? `round ${last} was decided (${s}) against this bet`
            : `round ${last} is ${s}, closing at ${r.closeTimestamp} (chain time now ${now})`;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (bets.length === 0) throw new Error(`no bet placed within ${timeoutMs / 1000}s: ${why}`);
  console.log(`bets landed in rounds ${bets.join(", ")}; no claim within ${timeoutMs / 1000}s: ${why}`);
});

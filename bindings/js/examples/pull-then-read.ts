// Pull-then-read in one transaction: fetch a topic's signed update from the gateway, check its
// signatures against the oracle's signer set, and hand it to a consumer contract
// (PullConsumer.sol) that submits it and reads the topic in the same call.
// Env: ALLORA_API, RPC_URL, PRIVATE_KEY, TOPIC_ID (default 1), CONSUMER (a deployed
// PullConsumer; deployed here when unset).
import { decodeFunctionData, formatUnits, parseEventLogs, type Address } from "viem";
import { alloraOracleAbi, pullUpdate, readSignerSet } from "@allora-gateway/sdk";
import { api, chainInfo, publicClient, run, topicId, wallet } from "./env.js";
import { pullConsumerAbi, pullConsumerBytecode } from "./pull-consumer.js";

run(async () => {
  const chain = await chainInfo();
  const oracle = chain.oracle as Address;
  const client = await wallet();

  let consumer = process.env.CONSUMER as Address | undefined;
  if (!consumer) {
    const hash = await client.deployContract({ abi: pullConsumerAbi, bytecode: pullConsumerBytecode, args: [oracle] });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (!receipt.contractAddress) throw new Error(`deploying PullConsumer: no contract in ${hash}`);
    consumer = receipt.contractAddress;
    console.log(`deployed PullConsumer at ${consumer}`);
  }

  // Fetch and verify: pullUpdate throws SignedUpdateError unless the signatures recover to
  // enough of the oracle's signers, for this chain and oracle.
  const signerSet = await readSignerSet(publicClient, oracle);
  const { data, update } = await pullUpdate(api, { topicId, chainId: BigInt(chain.chain_id), oracle, signerSet });
  const call = decodeFunctionData({ abi: alloraOracleAbi, data });
  if (call.functionName !== "updateBatch") throw new Error(`the signed update calls ${call.functionName}, not updateBatch`);
  const [updates, signatures] = call.args;

  const { result, request } = await publicClient.simulateContract({
    account: client.account,
    address: consumer,
    abi: pullConsumerAbi,
    functionName: "pullThenRead",
    args: [updates, signatures],
  });
  const hash = await client.writeContract(request);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`pullThenRead reverted: ${hash}`);
  const oracleLogs = parseEventLogs({ abi: alloraOracleAbi, logs: receipt.logs });
  const applied = oracleLogs.some((l) => l.eventName === "TopicUpdated");
  const [read] = parseEventLogs({ abi: pullConsumerAbi, eventName: "Read", logs: receipt.logs });
  if (!read) throw new Error(`no Read event in ${hash}`);
  console.log(
    `pull-then-read: topic ${topicId} update at Allora block ${update.update.block_height} ` +
      `${applied ? "applied" : "skipped (the oracle already held it or a newer one)"}, ` +
      `read ${formatUnits(read.args.value, 18)} (timestamp ${read.args.timestamp}, simulated ${formatUnits(result[0], 18)}) ` +
      `in one transaction ${hash}, block ${receipt.blockNumber}`,
  );
});

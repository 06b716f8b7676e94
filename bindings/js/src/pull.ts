import {
  type Address,
  type Hex,
  decodeFunctionData,
  encodeFunctionData,
  getAddress,
  hashTypedData,
  isAddressEqual,
  recoverAddress,
} from "viem";
import { alloraOracleAbi } from "./abi/AlloraOracle.js";
import type { SignedUpdate } from "./client.js";

/** The EIP-712 types of the batch an AlloraOracle's signers sign. */
export const batchTypes = {
  Batch: [{ name: "updates", type: "Update[]" }],
  Update: [
    { name: "topicId", type: "uint64" },
    { name: "value", type: "int256" },
    { name: "blockHeight", type: "uint64" },
    { name: "lossBlockHeight", type: "uint64" },
    { name: "timestamp", type: "uint64" },
  ],
} as const;

/** An oracle's signers and the number of their signatures a batch needs. */
export interface SignerSet {
  signers: readonly Address[];
  threshold: number;
}

/** What a client that reads contracts must do for `readSignerSet`; a viem PublicClient does. */
export interface ContractReader {
  readContract(args: { address: Address; abi: typeof alloraOracleAbi; functionName: "signers" | "threshold" }): Promise<unknown>;
}

/** Reads an oracle's signer set and threshold from the chain. */
export async function readSignerSet(client: ContractReader, oracle: Address): Promise<SignerSet> {
  const [signers, threshold] = await Promise.all([
    client.readContract({ address: oracle, abi: alloraOracleAbi, functionName: "signers" }),
    client.readContract({ address: oracle, abi: alloraOracleAbi, functionName: "threshold" }),
  ]);
  return { signers: signers as readonly Address[], threshold: Number(threshold) };
}

/** The update of a SignedUpdate as the oracle's `Update` struct. */
export function updateOf(su: SignedUpdate) {
  const u = su.update;
  return {
    topicId: BigInt(u.topic_id),
    value: BigInt(u.value),
    blockHeight: BigInt(u.block_height),
    lossBlockHeight: BigInt(u.loss_block_height),
    timestamp: BigInt(u.timestamp),
  };
}

/** The EIP-712 digest of a batch of one update for the oracle at `oracle` on `chainId`. */
export function batchDigest(update: ReturnType<typeof updateOf>, chainId: bigint, oracle: Address): Hex {
  return hashTypedData({
    domain: { name: "AlloraOracle", version: "1", chainId, verifyingContract: oracle },
    types: batchTypes,
    primaryType: "Batch",
    message: { updates: [update] },
  });
}

/** Why a signed update was refused; `reason` says which check failed. */
export class SignedUpdateError extends Error {
  constructor(readonly reason: string) {
    super(`signed update refused: ${reason}`);
    this.name = "SignedUpdateError";
  }
}

/**
 * Checks a signed update locally before it is sent: that its digest is the EIP-712 digest
 * of its update for its chain and oracle, that each signature recovers to the signer it
 * names, that the signers are in `set`, strictly ascending and at least its threshold, and
 * that `calldata` is `updateBatch` of exactly that update and those signatures. Pass
 * `expected` to also pin the chain and oracle. Returns the recovered signers; throws
 * SignedUpdateError otherwise.
 */
export async function verifySignedUpdate(
  su: SignedUpdate,
  set: SignerSet,
  expected: { chainId?: bigint | number; oracle?: Address } = {},
): Promise<Address[]> {
  const oracle = getAddress(su.to);
  const chainId = BigInt(su.chain_id);
  if (expected.chainId !== undefined && BigInt(expected.chainId) !== chainId)
    throw new SignedUpdateError(`chain ${chainId}, expected ${expected.chainId}`);
  if (expected.oracle !== undefined && !isAddressEqual(expected.oracle, oracle))
    throw new SignedUpdateError(`oracle ${oracle}, expected ${expected.oracle}`);
  const update = updateOf(su);
  const digest = batchDigest(update, chainId, oracle);
  if (digest !== su.digest.toLowerCase()) throw new SignedUpdateError(`digest ${su.digest} is not the update's, ${digest}`);

  const recovered: Address[] = [];
  for (const [i, s] of su.signatures.entries()) {
    const signer = await recoverAddress({ hash: digest, signature: s.signature as Hex });
    if (!isAddressEqual(signer, s.signer as Address)) throw new SignedUpdateError(`signature ${i} recovers to ${signer}, not ${s.signer}`);
    if (!set.signers.some((a) => isAddressEqual(a, signer))) throw new SignedUpdateError(`${signer} is not a signer of the oracle`);
    const previous = recovered.at(-1);
    if (previous !== undefined && BigInt(signer) <= BigInt(previous))
      throw new SignedUpdateError(`signers not strictly ascending: ${signer} after ${previous}`);
    recovered.push(signer);
  }
  if (recovered.length < set.threshold)
    throw new SignedUpdateError(`${recovered.length} signatures, the oracle needs ${set.threshold}`);

  const want = updateBatchCalldata(update, su.signatures.map((s) => ({ r: s.r as Hex, vs: s.vs as Hex })));
  if (su.calldata.toLowerCase() !== want) throw new SignedUpdateError("calldata is not updateBatch of the update and its signatures");
  return recovered;
}

/** The calldata of `updateBatch([update], signatures)`. */
export function updateBatchCalldata(update: ReturnType<typeof updateOf>, signatures: readonly { r: Hex; vs: Hex }[]): Hex {
  return encodeFunctionData({ abi: alloraOracleAbi, functionName: "updateBatch", args: [[update], signatures] });
}

/** The transaction that submits a signed update: send it from any account, with viem's sendTransaction or ethers' signer.sendTransaction. */
export function toTransaction(su: SignedUpdate): { to: Address; data: Hex } {
  const data = su.calldata as Hex;
  decodeFunctionData({ abi: alloraOracleAbi, data });
  return { to: getAddress(su.to), data };
}

/**
 * Fetches a topic's signed update for a chain, verifies it against the oracle's signer set
 * and returns the transaction that submits it.
 */
export async function pullUpdate(
  client: { signedUpdate(topicId: bigint | number | string, chainId: bigint | number | string): Promise<SignedUpdate> },
  args: { topicId: bigint | number | string; chainId: bigint | number; oracle: Address; signerSet: SignerSet },
): Promise<{ to: Address; data: Hex; update: SignedUpdate }> {
  const su = await client.signedUpdate(args.topicId, args.chainId);
  await verifySignedUpdate(su, args.signerSet, { chainId: args.chainId, oracle: args.oracle });
  return { ...toTransaction(su), update: su };
}

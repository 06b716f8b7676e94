import { type Address, getAddress, isAddress } from "viem";

/** The addresses file `allora-gateway deploy` writes (deployments/<chain>.json) and devnet writes. */
export interface Deployment {
  chainId: bigint;
  name: string;
  oracle: Address;
  /** AlloraFeed addresses by topic id (decimal). */
  feeds: Record<string, Address>;
  /** PredictionMarket addresses by market name. */
  markets: Record<string, Address>;
  /** The block the oracle was deployed in. */
  block: bigint;
}

function address(v: unknown, what: string): Address {
  if (typeof v !== "string" || !isAddress(v, { strict: false })) throw new Error(`addresses file: ${what} ${JSON.stringify(v)} is not an address`);
  return getAddress(v);
}

function addresses(v: unknown, what: string): Record<string, Address> {
  if (v === undefined || v === null) return {};
  if (typeof v !== "object" || Array.isArray(v)) throw new Error(`addresses file: ${what} is not an object`);
  return Object.fromEntries(Object.entries(v).map(([k, a]) => [k, address(a, `${what} ${k}`)]));
}

/** Parses an addresses file in its JSON form, checking every address. */
export function parseDeployment(json: string | unknown): Deployment {
  const d = (typeof json === "string" ? JSON.parse(json) : json) as Record<string, unknown>;
  if (typeof d !== "object" || d === null) throw new Error("addresses file: not an object");
  if (typeof d.chain_id !== "number" && typeof d.chain_id !== "string") throw new Error("addresses file: no chain_id");
  return {
    chainId: BigInt(d.chain_id),
    name: typeof d.name === "string" ? d.name : "",
    oracle: address(d.oracle, "oracle"),
    feeds: addresses(d.feeds, "feed of topic"),
    markets: addresses(d.markets, "market"),
    block: BigInt((d.block as number | string | undefined) ?? 0),
  };
}

/** Deployments by chain id, from several addresses files (one per chain); a chain given twice is an error. */
export function deploymentsByChain(files: readonly (string | unknown)[]): Map<bigint, Deployment> {
  const byChain = new Map<bigint, Deployment>();
  for (const f of files) {
    const d = parseDeployment(f);
    if (byChain.has(d.chainId)) throw new Error(`addresses files: chain ${d.chainId} given twice`);
    byChain.set(d.chainId, d);
  }
  return byChain;
}

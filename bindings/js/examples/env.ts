// What every example reads from its environment: the gateway's API, a chain's JSON-RPC
// endpoint and, for the examples that send transactions, a private key. The contract
// addresses come from the gateway's /v1/chains (or an addresses file, see parseDeployment).
import { createPublicClient, createWalletClient, defineChain, http, type Address, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { GatewayClient } from "@allora-gateway/sdk";

export const apiUrl = process.env.ALLORA_API ?? "http://127.0.0.1:8080";
export const rpcUrl = process.env.RPC_URL ?? "http://127.0.0.1:8545";
export const topicId = BigInt(process.env.TOPIC_ID ?? "1");

export const api = new GatewayClient({ baseUrl: apiUrl });
export const publicClient = createPublicClient({ transport: http(rpcUrl) });

/** The chain at RPC_URL as the gateway lists it: its id, oracle, feeds and markets. */
export async function chainInfo() {
  const chainId = await publicClient.getChainId();
  const { chains } = await api.chains();
  const chain = chains.find((c) => c.chain_id === chainId);
  if (!chain) throw new Error(`the gateway at ${apiUrl} serves no chain with id ${chainId} (${rpcUrl})`);
  return chain;
}

/** A wallet for PRIVATE_KEY on the chain at RPC_URL. */
export async function wallet() {
  const key = process.env.PRIVATE_KEY;
  if (!key) throw new Error("set PRIVATE_KEY to the key of a funded account");
  const id = await publicClient.getChainId();
  const chain = defineChain({
    id,
    name: `chain ${id}`,
    nativeCurrency: { name: "native", symbol: "NATIVE", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  return createWalletClient({ account: privateKeyToAccount(key as Hex), chain, transport: http(rpcUrl) });
}

/** The address in env variable `name`, or `fallback`. */
export function addressFrom(name: string, fallback: () => Address | Promise<Address>): Address | Promise<Address> {
  const v = process.env[name];
  return v ? (v as Address) : fallback();
}

/** Runs an example: prints its error and exits 1 when it fails. */
export function run(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}

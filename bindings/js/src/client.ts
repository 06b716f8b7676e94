import type { components, paths } from "./api.js";

/** A schema of the REST API, by its name in api/openapi.yaml. */
export type Schema<N extends keyof components["schemas"]> = components["schemas"][N];

/** The answer of /v1/topics/{topicId}/update, its `typed_data` the batch as EIP-712 typed data. */
export type SignedUpdate = Schema<"SignedUpdate">;

/** The EIP-712 typed data of a signed batch, the JSON `eth_signTypedData_v4` takes. */
export type BatchTypedData = Schema<"BatchTypedData">;

type JsonOf<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { "application/json": infer T } } } };
}
  ? T
  : never;

/** An answer other than 2xx; `problem` is its RFC 9457 body when it had one. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
    readonly problem?: Schema<"Problem">,
  ) {
    super(`${url}: ${status}${problem?.detail ? `: ${problem.detail}` : problem?.title ? `: ${problem.title}` : ""}`);
    this.name = "GatewayError";
  }
}

export interface ClientOptions {
  /** The gateway's base URL, such as http://127.0.0.1:8080. */
  baseUrl: string;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

/** One Server-Sent Event of /v1/stream. `data` is its JSON, parsed. */
export interface StreamEvent {
  event: "inference" | "push" | "round" | "price" | "reset" | (string & {});
  id: string;
  data: unknown;
}

export interface StreamOptions {
  /** Topic ids whose inference events to receive; all when absent. */
  topics?: readonly (bigint | number | string)[];
  /** Resume after this event id. */
  lastEventId?: string;
  /** Stops the stream. */
  signal?: AbortSignal;
  /** Milliseconds before reconnecting after the connection ends; the server's `retry:` overrides it. */
  retryMs?: number;
}

const decimal = /^(0|[1-9][0-9]{0,19})$/;

function id(value: bigint | number | string, what: string): string {
  const s = String(value);
  if (!decimal.test(s)) throw new RangeError(`${what} ${JSON.stringify(s)} is not a decimal uint64`);
  return s;
}

/** A typed client of the gateway's REST API. */
export class GatewayClient {
  readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly headers: Record<string, string>;

  constructor(options: ClientOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new TypeError(`baseUrl ${JSON.stringify(options.baseUrl)} is not a URL`);
    }
    this.baseUrl = url.href.replace(/\/$/, "");
    this.fetchFn = options.fetch ?? globalThis.fetch;
    this.headers = options.headers ?? {};
  }

  /** GETs a path of the API and returns its JSON; throws GatewayError on any other status than 2xx. */
  async get<T>(path: string, query?: Record<string, string | undefined>, signal?: AbortSignal): Promise<T> {
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const res = await this.fetchFn(url, { headers: { accept: "application/json", ...this.headers }, signal });
    if (!res.ok) throw new GatewayError(res.status, url.href, await problemOf(res));
    return (await res.json()) as T;
  }

  /** The topics the gateway serves. */
  topics(signal?: AbortSignal): Promise<JsonOf<"/v1/topics">> {
    return this.get("/v1/topics", undefined, signal);
  }

  /** A topic's latest inference. */
  inference(topicId: bigint | number | string, signal?: AbortSignal): Promise<JsonOf<"/v1/topics/{topicId}/inference">> {
    return this.get(`/v1/topics/${id(topicId, "topic id")}/inference`, undefined, signal);
  }

  /** The chains the gateway pushes to, with each one's oracle. */
  chains(signal?: AbortSignal): Promise<JsonOf<"/v1/chains">> {
    return this.get("/v1/chains", undefined, signal);
  }

  /** The prediction markets of a chain. */
  markets(chainId: bigint | number | string, signal?: AbortSignal): Promise<JsonOf<"/v1/markets/{chainId}">> {
    return this.get(`/v1/markets/${id(chainId, "chain id")}`, undefined, signal);
  }

  /** A topic's latest inference as a batch signed for a chain's oracle (pull mode). */
  signedUpdate(topicId: bigint | number | string, chainId: bigint | number | string, signal?: AbortSignal): Promise<SignedUpdate> {
    return this.get(`/v1/topics/${id(topicId, "topic id")}/update`, { chain: id(chainId, "chain id") }, signal);
  }

  /**
   * Follows /v1/stream. When the connection ends it reconnects with Last-Event-ID set to the
   * last event received, so no event the server still keeps is missed; a `reset` event says
   * some were. Ends when `signal` aborts; throws GatewayError when the server refuses.
   */
  async *stream(options: StreamOptions = {}): AsyncGenerator<StreamEvent, void, undefined> {
    const url = new URL(this.baseUrl + "/v1/stream");
    if (options.topics?.length) url.searchParams.set("topics", options.topics.map((t) => id(t, "topic id")).join(","));
    let lastEventId = options.lastEventId;
    let retryMs = options.retryMs ?? 1000;
    const signal = options.signal;
    while (!signal?.aborted) {
      const headers: Record<string, string> = { accept: "text/event-stream", ...this.headers };
      if (lastEventId !== undefined) headers["last-event-id"] = lastEventId;
      let res: Response;
      try {
        res = await this.fetchFn(url, { headers, signal });
      } catch (err) {
        if (signal?.aborted) return;
        throw err;
      }
      if (!res.ok || !res.body) throw new GatewayError(res.status, url.href, await problemOf(res));
      try {
        for await (const ev of parseEvents(res.body)) {
          if (ev.retry !== undefined) retryMs = ev.retry;
          if (ev.id !== undefined) lastEventId = ev.id;
          if (ev.data === undefined) continue;
          yield { event: ev.event ?? "message", id: ev.id ?? lastEventId ?? "", data: JSON.parse(ev.data) };
        }
      } catch (err) {
        if (signal?.aborted) return;
        if (err instanceof SyntaxError) throw err;
        // The connection broke: reconnect below, as after a clean end.
      }
      await delay(retryMs, signal);
    }
  }
}

async function problemOf(res: Response): Promise<Schema<"Problem"> | undefined> {
  try {
    const body: unknown = await res.json();
    return typeof body === "object" && body !== null ? (body as Schema<"Problem">) : undefined;
  } catch {
    return undefined;
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

interface RawEvent {
  event?: string;
  id?: string;
  data?: string;
  retry?: number;
}

/** The events of a text/event-stream body, as the HTML standard's parser reads them. */
async function* parseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<RawEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  let ev: RawEvent = {};
  const reader = body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + (buffer.startsWith("\r\n", nl) ? 2 : 1));
        if (line === "") {
          if (ev.data !== undefined || ev.id !== undefined || ev.retry !== undefined) yield ev;
          ev = {};
          continue;
        }
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        let val = colon < 0 ? "" : line.slice(colon + 1);
        if (val.startsWith(" ")) val = val.slice(1);
        if (field === "event") ev.event = val;
        else if (field === "data") ev.data = ev.data === undefined ? val : `${ev.data}\n${val}`;
        else if (field === "id" && !val.includes("\0")) ev.id = val;
        else if (field === "retry" && /^[0-9]+$/.test(val)) ev.retry = Number(val);
      }
    }
  } finally {
    reader.releaseLock();
    await body.cancel().catch(() => {});
  }
}

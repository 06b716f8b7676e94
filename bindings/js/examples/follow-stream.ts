// Follows the gateway's event stream, stops, and resumes with Last-Event-ID from the last
// event it saw: the resumed stream starts after it, with nothing missed in between.
// Env: ALLORA_API, TOPIC_ID (default 1), EVENTS (per connection, default 3).
import { GatewayClient, type StreamEvent } from "@allora-gateway/sdk";
import { apiUrl, run, topicId } from "./env.js";

async function take(client: GatewayClient, n: number, lastEventId?: string): Promise<StreamEvent[]> {
  const ctl = new AbortController();
  const got: StreamEvent[] = [];
  for await (const ev of client.stream({ topics: [topicId], lastEventId, signal: ctl.signal })) {
    got.push(ev);
    if (got.length === n) ctl.abort();
  }
  return got;
}

run(async () => {
  const client = new GatewayClient({ baseUrl: apiUrl });
  const n = Number(process.env.EVENTS ?? "3");
  const first = await take(client, n);
  const last = first[first.length - 1];
  if (!last) throw new Error("the stream ended before any event");
  for (const ev of first) console.log(`event ${ev.event} id ${ev.id}`);
  console.log(`disconnected after id ${last.id}; resuming with Last-Event-ID ${last.id}`);
  const resumed = await take(client, n, last.id);
  for (const ev of resumed) console.log(`event ${ev.event} id ${ev.id}`);
  if (resumed[0] && BigInt(resumed[0].id) <= BigInt(last.id)) throw new Error(`resumed at id ${resumed[0].id}, not after ${last.id}`);
  console.log(`stream: ${first.length} events, then ${resumed.length} more after resuming from ${last.id}`);
});

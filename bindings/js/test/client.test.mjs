import assert from "node:assert/strict";
import { createServer } from "node:http";
import { test } from "node:test";
import { GatewayClient, GatewayError, deploymentsByChain, parseDeployment, verifySignedUpdate } from "../dist/index.js";
import { accounts, oracle, signedUpdate } from "./fixture.mjs";

// A local HTTP server answering with `handler`; closed when the test ends.
async function serve(t, handler) {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }));
  return `http://127.0.0.1:${server.address().port}`;
}

test("signedUpdate asks for the chain and returns an update that verifies", async (t) => {
  const su = await signedUpdate();
  const seen = [];
  const base = await serve(t, (req, res) => {
    seen.push(req.url);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(su));
  });
  const client = new GatewayClient({ baseUrl: base + "/" });
  const got = await client.signedUpdate(1n, 56);
  assert.deepEqual(seen, ["/v1/topics/1/update?chain=56"]);
  await verifySignedUpdate(got, { signers: accounts.map((a) => a.address), threshold: 3 }, { chainId: 56n, oracle });
});

test("an error answer becomes a GatewayError with its problem", async (t) => {
  const base = await serve(t, (_req, res) => {
    res.statusCode = 404;
    res.setHeader("content-type", "application/problem+json");
    res.end(JSON.stringify({ type: "about:blank", title: "Not Found", status: 404, detail: "no topic 7" }));
  });
  const client = new GatewayClient({ baseUrl: base });
  await assert.rejects(client.inference(7), (err) => err instanceof GatewayError && err.status === 404 && err.problem.detail === "no topic 7" && /no topic 7/.test(err.message));
  assert.throws(() => client.inference("07"), /not a decimal uint64/);
  assert.throws(() => new GatewayClient({ baseUrl: "nope" }), /not a URL/);
});

test("stream parses events and resumes after the last id when the connection ends", async (t) => {
  const lastIds = [];
  const base = await serve(t, (req, res) => {
    lastIds.push(req.headers["last-event-id"] ?? null);
    assert.equal(new URL(req.url, "http://x").searchParams.get("topics"), "1,3");
    res.setHeader("content-type", "text/event-stream");
    if (lastIds.length === 1) {
      res.write("retry: 5\n\n: keep-alive\n\n");
      res.write('event: inference\nid: 10\ndata: {"topic_id":"1"}\n\n');
      res.end('event: push\nid: 11\ndata: {"chain_id":"56"}\n\n');
    } else {
      res.write('event: inference\nid: 12\ndata: {"topic_id":"3"}\n\n');
    }
  });
  const client = new GatewayClient({ baseUrl: base });
  const ac = new AbortController();
  const got = [];
  for await (const ev of client.stream({ topics: [1, 3n], lastEventId: "9", signal: ac.signal })) {
    got.push(ev);
    if (got.length === 3) ac.abort();
  }
  assert.deepEqual(lastIds, ["9", "11"]);
  assert.deepEqual(got, [
    { event: "inference", id: "10", data: { topic_id: "1" } },
    { event: "push", id: "11", data: { chain_id: "56" } },
    { event: "inference", id: "12", data: { topic_id: "3" } },
  ]);
});

test("addresses files parse with checksummed addresses and one per chain", () => {
  const file = JSON.stringify({
    chain_id: 56, name: "bsc", oracle: oracle.toLowerCase(),
    feeds: { 1: "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512" }, markets: { "eth-5m": "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" },
    block: 12, txs: { oracle: "0x" + "ab".repeat(32) },
  });
  const d = parseDeployment(file);
  assert.equal(d.chainId, 56n);
  assert.equal(d.oracle, oracle);
  assert.equal(d.feeds["1"], "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
  assert.equal(d.markets["eth-5m"], "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
  assert.throws(() => parseDeployment({ chain_id: 1, oracle: "0x12" }), /oracle "0x12" is not an address/);
  assert.throws(() => deploymentsByChain([file, file]), /chain 56 given twice/);
});

// The dashboard's browser test: starts devnet on free ports, loads "/" in headless
// Chromium, waits until a stream event has changed what the page shows, and checks that
// the page shows what the API answers at that moment: each topic's latest inference, the
// points of its chart, each chain's table, and, where this gateway serves them, the
// predictions, the accuracy and the markets. It saves screenshots at 1280×800 and at a
// phone's width and prints their paths.
//
// Environment: GATEWAY_BIN (default <repo>/bin/allora-gateway), CHROMIUM (default
// /usr/bin/chromium), OUT_DIR (default ./out).

import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../../..");
const BIN = process.env.GATEWAY_BIN || path.join(repo, "bin/allora-gateway");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const OUT = path.resolve(process.env.OUT_DIR || path.join(here, "out"));

const READY_TIMEOUT_MS = 60_000;
const LIVE_TIMEOUT_MS = 45_000;
const AGREE_ATTEMPTS = 20;

const started = Date.now();
function log(msg) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
}

class Failure extends Error {}
function fail(msg) {
  throw new Failure(msg);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ---- devnet ----

function startDevnet(ports) {
  const args = [
    "devnet",
    "--api-port", String(ports.api),
    "--allora-port", String(ports.allora),
    "--chain-ports", ports.chains.join(","),
  ];
  log(`starting ${BIN} ${args.join(" ")}`);
  const child = spawn(BIN, args, { stdio: ["ignore", "pipe", "pipe"] });
  const output = [];
  const keep = (chunk) => {
    output.push(...chunk.toString().split("\n").filter(Boolean));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, output, exited };
}

async function stopDevnet(d) {
  if (d.child.exitCode != null || d.child.signalCode != null) return;
  d.child.kill("SIGINT");
  const done = await Promise.race([d.exited, sleep(10_000).then(() => null)]);
  if (!done) {
    log("devnet did not stop within 10 s of SIGINT; killing it");
    d.child.kill("SIGKILL");
    await d.exited;
  }
}

async function api(base, p, retries = 5) {
  const res = await fetch(base + p, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(5000) });
  if (res.status === 404) return { status: 404, body: null };
  if (res.status === 429 && retries > 0) {
    // The test and the page share one address and so one rate limit: wait as told.
    await sleep((Number(res.headers.get("Retry-After")) || 1) * 1000);
    return api(base, p, retries - 1);
  }
  if (!res.ok) fail(`GET ${p} answered ${res.status}: ${await res.text()}`);
  return { status: 200, body: await res.json() };
}

async function waitReady(base, d) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (d.child.exitCode != null) fail(`devnet exited with ${d.child.exitCode}:\n${d.output.join("\n")}`);
    try {
      const topics = (await api(base, "/v1/topics")).body.topics;
      const chains = (await api(base, "/v1/chains")).body.chains;
      const pushed = chains.filter((c) => c.topics.some((t) => t.block_height > 0)).length;
      last = `${topics.filter((t) => t.latest_block_height).length}/${topics.length} topics with an inference, ${pushed}/${chains.length} chains pushed`;
      if (topics.length > 0 && topics.every((t) => t.latest_block_height) && chains.length > 0 && pushed === chains.length) {
        log(`devnet ready: ${last}`);
        return;
      }
    } catch (err) {
      if (err instanceof Failure) throw err;
      last = err.message;
    }
    await sleep(500);
  }
  fail(`devnet not ready within ${READY_TIMEOUT_MS / 1000} s (${last}); its output:\n${d.output.join("\n")}`);
}

// ---- what the page shows ----

// snapshot reads every value the test checks from the page, exact strings and shown
// text both.
function snapshot(page) {
  return page.evaluate(() => {
    const q = (sel, root = document) => root.querySelector(sel);
    const qa = (sel, root = document) => [...root.querySelectorAll(sel)];
    const tid = (id) => q(`[data-testid="${id}"]`);
    const out = { topics: {}, chains: {}, markets: {}, error: tid("error")?.textContent ?? null };
    for (const card of qa('[data-testid^="topic-"][data-testid]')) {
      const m = /^topic-(\d+)$/.exec(card.dataset.testid);
      if (!m) continue;
      const id = m[1];
      const svg = tid(`chart-${id}`);
      out.topics[id] = {
        value: tid(`topic-latest-value-${id}`)?.dataset.value ?? null,
        valueText: tid(`topic-latest-value-${id}`)?.textContent ?? null,
        height: tid(`topic-latest-height-${id}`)?.textContent ?? null,
        time: tid(`topic-latest-time-${id}`)?.dataset.value ?? null,
        chartMode: tid(`chart-wrap-${id}`)?.dataset.mode ?? null,
        chartLabel: svg?.getAttribute("aria-label") ?? null,
        points: qa(`[data-testid="chart-point-${id}"]`).map((c) => ({
          series: c.dataset.series,
          height: Number(c.dataset.height),
          value: c.dataset.value,
          time: c.dataset.time,
          cx: Number(c.getAttribute("cx")),
          cy: Number(c.getAttribute("cy")),
          title: c.querySelector("title")?.textContent ?? "",
        })),
        yLabels: qa(`[data-testid="chart-ylabel-${id}"]`).map((t) => ({ text: t.textContent, y: Number(t.getAttribute("y")) })),
        xLabels: qa(`[data-testid="chart-xlabel-${id}"]`).map((t) => t.textContent),
        predictionNA: !!tid(`prediction-${id}-na`),
        predicted: tid(`prediction-${id}-predicted`)?.dataset.value ?? null,
        current: tid(`prediction-${id}-current`)?.dataset.value ?? null,
        direction: tid(`prediction-${id}-direction`)?.dataset.value ?? null,
        accuracy: { ...(tid(`accuracy-${id}`)?.dataset ?? {}), text: tid(`accuracy-${id}`)?.textContent ?? "" },
      };
    }
    for (const row of qa('[data-testid^="chain-row-"]')) {
      const key = row.dataset.testid.slice("chain-row-".length);
      out.chains[key] = {
        status: row.dataset.status,
        height: tid(`chain-height-${key}`).textContent,
        lag: tid(`chain-lag-${key}`).textContent,
        lastPush: tid(`chain-lastpush-${key}`).dataset.value,
        lastPushText: tid(`chain-lastpush-${key}`).textContent,
        badge: tid(`chain-status-${key}`).textContent,
      };
    }
    out.marketsNA = !!tid("markets-na");
    for (const card of qa('[data-testid^="market-"]')) {
      const key = card.dataset.testid.slice("market-".length);
      if (key.startsWith("epoch-")) continue;
      out.markets[key] = {
        epoch: tid(`market-epoch-${key}`)?.textContent ?? null,
        rounds: Object.fromEntries(
          qa('[data-testid^="round-"]', card)
            .filter((r) => r.tagName === "TR")
            .map((r) => {
              const rk = r.dataset.testid.slice("round-".length);
              const v = (k) => tid(`round-${k}-${rk}`)?.dataset.value ?? null;
              return [
                r.dataset.testid.split("-").pop(),
                { status: tid(`round-status-${rk}`)?.textContent ?? null, lock: v("lock"), close: v("close"), ai: v("ai"), with: v("with"), against: v("against"), outcome: v("outcome") },
              ];
            }),
        ),
      };
    }
    return out;
  });
}

// ---- what the API answers ----

async function apiView(base) {
  // Every endpoint at once: the shorter the read, the likelier it falls between two
  // changes of what devnet shows.
  const [topics, chains] = await Promise.all([api(base, "/v1/topics"), api(base, "/v1/chains")]);
  const view = { topics: {}, chains: chains.body.chains, markets: {} };
  const topicView = async (t) => {
    const id = t.topic_id;
    const a = encodeURIComponent(t.asset ?? "");
    const tf = encodeURIComponent(t.timeframe ?? "");
    const [latest, series, prediction, accuracy] = await Promise.all([
      api(base, `/v1/topics/${id}/inference`),
      t.asset ? api(base, `/v1/predictions/${a}/${tf}/series?limit=60`) : null,
      t.asset ? api(base, `/v1/predictions/${a}/${tf}`) : null,
      api(base, `/v1/topics/${id}/accuracy`),
    ]);
    const v = { topic: t, latest: latest.body, accuracy };
    if (series) v.series = series;
    if (prediction) v.prediction = prediction;
    if (!v.series || v.series.status === 404) v.history = (await api(base, `/v1/topics/${id}/history?limit=60`)).body;
    view.topics[id] = v;
  };
  const marketView = async (c) => {
    view.markets[c.chain_id] = await api(base, `/v1/markets/${c.chain_id}`);
  };
  await Promise.all([...topics.body.topics.map(topicView), ...view.chains.map(marketView)]);
  return view;
}

// ---- the comparison ----

// shownMatches checks that shown, a rounded number with thousands separators, is exact
// rounded to the decimals it shows.
function shownMatches(shown, exact) {
  const s = shown.replace(/,/g, "");
  const places = s.includes(".") ? s.length - s.indexOf(".") - 1 : 0;
  return Math.abs(Number(s) - Number(exact)) <= 0.5 * 10 ** -places + 1e-9 * Math.abs(Number(exact));
}

// compare lists every way the page differs from the API; checks names what was checked.
function compare(dom, want, checks) {
  const bad = [];
  const expect = (cond, what) => {
    if (!cond) bad.push(what);
  };
  expect(dom.error == null, `the page shows an error: ${dom.error}`);
  const ids = Object.keys(want.topics);
  expect(ids.length > 0, "the API lists no topics");
  expect(
    ids.length === Object.keys(dom.topics).length,
    `the page shows ${Object.keys(dom.topics).length} topics, the API lists ${ids.length}`,
  );
  for (const id of ids) {
    const w = want.topics[id];
    const d = dom.topics[id];
    if (!d) {
      bad.push(`topic ${id} is missing from the page`);
      continue;
    }
    const lt = w.latest;
    expect(d.height === String(lt.block_height), `topic ${id}: page shows height ${d.height}, API ${lt.block_height}`);
    expect(d.value === lt.value, `topic ${id}: page value ${d.value}, API ${lt.value}`);
    expect(d.valueText && shownMatches(d.valueText, lt.value), `topic ${id}: page shows "${d.valueText}" for ${lt.value}`);
    expect(d.time === lt.timestamp, `topic ${id}: page time ${d.time}, API ${lt.timestamp}`);
    checks.add("latest inference (value, height, time) per topic");

    // The chart: its points are the API's, placed consistently with its axis.
    let wantPts;
    if (w.series && w.series.status === 200) {
      expect(d.chartMode === "series", `topic ${id}: the API serves the prediction series but the chart shows ${d.chartMode}`);
      wantPts = w.series.body.points.flatMap((p) => [
        { series: "predicted", height: p.block_height, value: p.predicted_price },
        ...(p.realised_price == null ? [] : [{ series: "realised", height: p.block_height, value: p.realised_price }]),
      ]);
      checks.add("chart: prediction series against realised price");
    } else {
      expect(d.chartMode === "history", `topic ${id}: chart mode ${d.chartMode}, want history (no series endpoint)`);
      wantPts = w.history.inferences.map((i) => ({ series: "predicted", height: i.block_height, value: i.value }));
      checks.add("chart: inference history");
    }
    const key = (p) => `${p.series}@${p.height}=${p.value}`;
    const got = d.points.map(key).sort();
    const exp = wantPts.map(key).sort();
    const missing = exp.filter((k) => !got.includes(k));
    const extra = got.filter((k) => !exp.includes(k));
    expect(
      missing.length === 0 && extra.length === 0,
      `topic ${id}: chart points differ from the API: missing ${missing.slice(0, 3).join(", ") || "none"}${missing.length > 3 ? ` (+${missing.length - 3})` : ""}; extra ${extra.slice(0, 3).join(", ") || "none"}`,
    );
    expect(d.points.length > 0, `topic ${id}: the chart plots nothing`);
    // Higher values sit higher (smaller y), and the axis labels bracket every point.
    const byValue = [...d.points].sort((a, b) => Number(a.value) - Number(b.value));
    for (let i = 1; i < byValue.length; i++) {
      if (Number(byValue[i].value) > Number(byValue[i - 1].value) && !(byValue[i].cy <= byValue[i - 1].cy)) {
        bad.push(`topic ${id}: point ${byValue[i].value} is drawn below ${byValue[i - 1].value}`);
        break;
      }
    }
    const labels = d.yLabels.map((l) => Number(l.text.replace(/,/g, "")));
    expect(labels.length >= 2, `topic ${id}: the chart has ${labels.length} value labels`);
    if (labels.length >= 2 && byValue.length) {
      const lo = Math.min(...labels);
      const hi = Math.max(...labels);
      const span = hi - lo;
      expect(
        Number(byValue[0].value) >= lo - span * 0.01 && Number(byValue.at(-1).value) <= hi + span * 0.01,
        `topic ${id}: axis ${lo}–${hi} does not bracket the points ${byValue[0].value}–${byValue.at(-1).value}`,
      );
      // Where the axis says a value lies, the point lies.
      const [l0, l1] = [d.yLabels[0], d.yLabels.at(-1)];
      const v0 = Number(l0.text.replace(/,/g, ""));
      const v1 = Number(l1.text.replace(/,/g, ""));
      const yOf = (v) => l0.y - 4 + ((v - v0) / (v1 - v0)) * (l1.y - l0.y);
      const far = d.points.find((p) => Math.abs(yOf(Number(p.value)) - p.cy) > 3);
      expect(!far, `topic ${id}: point ${far?.value} is drawn at y ${far?.cy}, its axis puts it at ${far && yOf(Number(far.value)).toFixed(1)}`);
    }
    expect(d.xLabels.length === 2, `topic ${id}: the chart has ${d.xLabels.length} time labels, want 2`);
    expect(/^\d\d:\d\d:\d\d UTC$/.test(d.xLabels[0] || ""), `topic ${id}: time label "${d.xLabels[0]}"`);
    checks.add("chart axis labels bracket and place the points");

    if (w.prediction && w.prediction.status === 200) {
      const p = w.prediction.body;
      expect(d.predicted === p.predicted_price, `topic ${id}: page predicted ${d.predicted}, API ${p.predicted_price}`);
      expect(d.current === p.current_price, `topic ${id}: page current price ${d.current}, API ${p.current_price}`);
      expect(d.direction === p.direction, `topic ${id}: page direction ${d.direction}, API ${p.direction}`);
      checks.add("predictions (price now, predicted, direction)");
    } else if (w.topic.asset) {
      expect(d.predictionNA, `topic ${id}: no predictions endpoint, but the page does not say "not available"`);
      checks.add("predictions: shown as not available (404)");
    }

    if (w.accuracy.status === 200) {
      const a = w.accuracy.body;
      expect(d.accuracy.available === "true", `topic ${id}: the API answers accuracy but the page says it is not available`);
      expect(d.accuracy.rounds === String(a.rounds) && d.accuracy.hits === String(a.hits), `topic ${id}: page accuracy ${d.accuracy.hits}/${d.accuracy.rounds}, API ${a.hits}/${a.rounds}`);
      if (a.rounds > 0) {
        const phrase = `${a.hits} of ${a.rounds} rounds`;
        expect(d.accuracy.text.includes(phrase), `topic ${id}: accuracy text "${d.accuracy.text}" lacks "${phrase}"`);
        // The interval in whole percent: each bound within rounding of the API's.
        const m = /(\d+)–(\d+)%/.exec(d.accuracy.text);
        const near = (shown, fraction) => Math.abs(Number(shown) - Number(fraction) * 100) <= 0.5 + 1e-9;
        expect(
          m && near(m[1], a.wilson_lower) && near(m[2], a.wilson_upper),
          `topic ${id}: accuracy text "${d.accuracy.text}" does not show the interval ${a.wilson_lower}–${a.wilson_upper}`,
        );
      }
      checks.add("accuracy (hits of rounds, Wilson interval)");
    } else {
      expect(/not available/.test(d.accuracy.text), `topic ${id}: no accuracy endpoint, but the page shows "${d.accuracy.text}"`);
      checks.add("accuracy: shown as not available (404)");
    }
  }

  // The per-chain table.
  let rows = 0;
  for (const c of want.chains) {
    for (const t of c.topics) {
      const k = `${c.chain_id}-${t.topic_id}`;
      const d = dom.chains[k];
      rows++;
      if (!d) {
        bad.push(`chain ${c.chain_id} topic ${t.topic_id}: no row on the page`);
        continue;
      }
      expect(d.height === String(t.block_height), `chain ${c.chain_id} topic ${t.topic_id}: page height ${d.height}, API ${t.block_height}`);
      expect(d.lag === String(t.lag_blocks), `chain ${c.chain_id} topic ${t.topic_id}: page lag ${d.lag}, API ${t.lag_blocks}`);
      expect(d.lastPush === (t.last_push || ""), `chain ${c.chain_id} topic ${t.topic_id}: page last push ${d.lastPush}, API ${t.last_push}`);
      expect(t.lag_blocks !== 0 || (d.status === "ok" && d.badge === "current"), `chain ${c.chain_id} topic ${t.topic_id}: lag 0 but shown ${d.status}/${d.badge}`);
      expect(t.lag_blocks === 0 || d.status !== "ok", `chain ${c.chain_id} topic ${t.topic_id}: lag ${t.lag_blocks} but shown current`);
      expect(!t.last_push || / ago$/.test(d.lastPushText), `chain ${c.chain_id} topic ${t.topic_id}: last push shown as "${d.lastPushText}"`);
    }
  }
  expect(rows === Object.keys(dom.chains).length, `the page shows ${Object.keys(dom.chains).length} chain rows, the API ${rows}`);
  expect(rows > 0, "the API lists no chain topics");
  checks.add("per-chain table (height, lag, last push, status)");

  // Markets and rounds.
  const served = want.chains.filter((c) => want.markets[c.chain_id].status === 200);
  if (served.length === 0) {
    expect(dom.marketsNA, 'no markets endpoint, but the page does not say "not available"');
    checks.add("markets: shown as not available (404)");
  } else {
    for (const c of served) {
      for (const m of want.markets[c.chain_id].body.markets) {
        const k = `${c.chain_id}-${m.market_id}`;
        const d = dom.markets[k];
        if (!d) {
          bad.push(`market ${k} is missing from the page`);
          continue;
        }
        expect(d.epoch === String(m.current_epoch), `market ${k}: page epoch ${d.epoch}, API ${m.current_epoch}`);
        for (const r of m.rounds) {
          const dr = d.rounds[String(r.epoch)];
          if (!dr) {
            bad.push(`market ${k} round ${r.epoch} is missing from the page`);
            continue;
          }
          const same = (a, b) => (a ?? "") === (b ?? "");
          expect(dr.status === r.status, `market ${k} round ${r.epoch}: page status ${dr.status}, API ${r.status}`);
          expect(same(dr.lock, r.lock_price) && same(dr.close, r.close_price) && same(dr.ai, r.ai_prediction), `market ${k} round ${r.epoch}: page prices ${dr.lock}/${dr.ai}/${dr.close}, API ${r.lock_price}/${r.ai_prediction}/${r.close_price}`);
          expect(dr.with === r.with_ai_pool && dr.against === r.against_ai_pool, `market ${k} round ${r.epoch}: page pools ${dr.with}/${dr.against}, API ${r.with_ai_pool}/${r.against_ai_pool}`);
          expect(same(dr.outcome, r.outcome), `market ${k} round ${r.epoch}: page outcome ${dr.outcome}, API ${r.outcome}`);
        }
      }
    }
    checks.add("markets and rounds (epoch, status, prices, pools, outcome)");
  }
  return bad;
}

// ---- the run ----

async function main() {
  mkdirSync(OUT, { recursive: true });
  const ports = { api: await freePort(), allora: await freePort(), chains: [await freePort(), await freePort(), await freePort()] };
  const base = `http://127.0.0.1:${ports.api}`;
  const d = startDevnet(ports);
  let browser;
  try {
    await waitReady(base, d);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
    });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
    const page = await ctx.newPage();
    const problems = [];
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("request", (req) => {
      if (!req.url().startsWith(`${base}/`)) problems.push(`request to another origin: ${req.url()}`);
    });
    page.on("console", (msg) => {
      if (msg.type() !== "error") return;
      // A 404 is how an endpoint this gateway does not serve answers; the page says
      // "not available" for it, which the comparison checks.
      if (/status of 404/.test(msg.text())) return;
      problems.push(`console error: ${msg.text()}`);
    });

    log(`loading ${base}/ in ${CHROMIUM}`);
    await page.goto(`${base}/`, { waitUntil: "load" });
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 15_000 });

    // Live data: a stream event must change a value the page shows.
    const before = await snapshot(page);
    const heights = Object.fromEntries(Object.entries(before.topics).map(([id, t]) => [id, t.height]));
    log(`page loaded; latest heights ${JSON.stringify(heights)}; waiting for a stream event to change one`);
    await page
      .waitForFunction(
        (h) =>
          document.querySelector('[data-testid="stream-status"]').textContent === "live" &&
          Number(document.querySelector('[data-testid="stream-status"]').dataset.events) > 0 &&
          Object.entries(h).some(([id, v]) => document.querySelector(`[data-testid="topic-latest-height-${id}"]`)?.textContent !== v),
        heights,
        { timeout: LIVE_TIMEOUT_MS, polling: 100 },
      )
      .catch(() => fail(`no stream event changed a topic's height within ${LIVE_TIMEOUT_MS / 1000} s`));
    const live = await snapshot(page);
    const changed = Object.keys(heights).filter((id) => live.topics[id].height !== heights[id]);
    log(`live: topic ${changed.map((id) => `${id} ${heights[id]} → ${live.topics[id].height}`).join(", ")} without a reload`);

    // The page against the API, at one moment: read the page, ask the API, read the page
    // again; when the page did not move meanwhile, the two must agree. Events keep
    // coming, so a moment where the page moved is tried again.
    let bad = ["not compared"];
    let checks;
    for (let i = 1; i <= AGREE_ATTEMPTS; i++) {
      checks = new Set();
      const a = await snapshot(page);
      const want = await apiView(base);
      const b = await snapshot(page);
      // "… s ago" moves with the clock, not with the data.
      const still = (x) => JSON.stringify(x, (k, v) => (k === "lastPushText" ? undefined : v));
      if (still(a) !== still(b)) {
        bad = ["the page changed while the API was read"];
      } else {
        bad = compare(a, want, checks);
        if (bad.length === 0) {
          const n = Object.values(a.topics).reduce((s, t) => s + t.points.length, 0);
          log(`page agrees with the API (attempt ${i}): ${Object.keys(a.topics).length} topics, ${n} chart points, ${Object.keys(a.chains).length} chain rows, ${Object.keys(a.markets).length} markets`);
          break;
        }
      }
      log(`attempt ${i}: not yet (${bad[0]}${bad.length > 1 ? ` and ${bad.length - 1} more` : ""})`);
      // Each attempt reads some twenty endpoints: pace them well inside the rate limit.
      await sleep(1000);
    }
    if (bad.length) fail(`the page does not show what the API answers:\n  - ${bad.join("\n  - ")}`);
    for (const c of checks) log(`  checked: ${c}`);

    // Accessibility basics the page promises: every table has a caption, every chart a label.
    const a11y = await page.evaluate(() => ({
      tablesWithoutCaption: [...document.querySelectorAll("table")].filter((t) => !t.caption?.textContent.trim()).length,
      chartsWithoutLabel: [...document.querySelectorAll("svg.plot")].filter((s) => !s.getAttribute("aria-label")).length,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      // What a reader must never see: a value the page failed to format.
      leaked: (document.body.innerText.match(/\b(null|undefined|NaN)\b/g) || []).length,
    }));
    // The screenshot first, so that a failure below can be looked at.
    const shot = path.join(OUT, "dashboard.png");
    await page.screenshot({ path: shot, fullPage: true });
    log(`screenshot: ${shot}`);
    if (a11y.tablesWithoutCaption || a11y.chartsWithoutLabel) fail(`accessibility: ${JSON.stringify(a11y)}`);
    if (a11y.overflow > 0) fail(`at 1280×800 the page is ${a11y.overflow} px wider than the window`);
    if (a11y.leaked > 0) fail(`the page shows "null", "undefined" or "NaN" ${a11y.leaked} times instead of a formatted value or a note`);

    // A phone's width: everything fits without scrolling sideways.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const pp = await phone.newPage();
    await pp.goto(`${base}/`, { waitUntil: "load" });
    await pp.waitForSelector('body[data-loaded="true"]', { timeout: 15_000 });
    const phoneOverflow = await pp.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const phoneShot = path.join(OUT, "dashboard-phone.png");
    await pp.screenshot({ path: phoneShot, fullPage: true });
    log(`screenshot: ${phoneShot}`);
    if (phoneOverflow > 0) fail(`at a phone's width (390 px) the page is ${phoneOverflow} px wider than the screen`);

    if (problems.length) fail(`the browser reported:\n  - ${problems.join("\n  - ")}`);
    log("PASS");
  } finally {
    await browser?.close();
    await stopDevnet(d);
  }
}

main().catch((err) => {
  console.error(`\nFAIL: ${err instanceof Failure ? err.message : err.stack || err}`);
  process.exit(1);
});

// The dashboard: reads the REST API once, then keeps itself current from /v1/stream.
// Every value a test or a person may want to check carries a data-testid, and the exact
// string the API answered in data-value, beside the rounded text it shows.

import { ago, axisNumber, clock, fromWei, percent, placesFor, price, roundDecimal } from "./format.js";

// A chain row is "stale" when it is behind Allora and this gateway has not pushed it
// for this long; behind but pushed more recently, it is merely "behind".
const STALE_AFTER_MS = 2 * 60 * 1000;
// How many points a chart shows.
const CHART_POINTS = 60;
// Refreshes caused by events wait this long, so that a burst of events costs one request.
const REFRESH_DELAY_MS = 300;
// Bets move a round's pools without a stream event; markets are read again this often.
const MARKETS_POLL_MS = 10000;
// The longest wait between attempts to reopen a stream the server closed.
const MAX_RECONNECT_MS = 15000;

const NATIVE_TOKEN = { 56: "BNB", 324: "ETH", 146: "S" };

const state = {
  topics: new Map(), // topic id -> topic view
  chains: [],
  markets: new Map(), // chain id -> {available, markets, error}
  events: 0,
};

// NotAvailable is a 404: an endpoint this gateway does not serve, or nothing there yet.
class NotAvailable extends Error {}

async function getJSON(path, retries = 3) {
  const res = await fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" });
  if (res.ok) return res.json();
  if (res.status === 429 && retries > 0) {
    // Over the rate limit (several tabs, or a shared address): wait as told and ask again.
    const wait = Math.min(Number(res.headers.get("Retry-After")) || 1, 10);
    await new Promise((r) => setTimeout(r, wait * 1000));
    return getJSON(path, retries - 1);
  }
  let detail = res.statusText;
  try {
    const p = await res.json();
    detail = p.detail || p.title || detail;
  } catch {
    // not problem+json: keep the status text
  }
  if (res.status === 404) throw new NotAvailable(detail);
  throw new Error(`${path} answered ${res.status}: ${detail}`);
}

// ---- small DOM helpers ----

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  e.append(...children.filter((c) => c != null));
  return e;
}

const SVG_NS = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  setAttrs(e, attrs);
  e.append(...children.filter((c) => c != null));
  return e;
}

function setAttrs(e, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "class") e.setAttribute("class", v);
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : String(v));
  }
}

function setText(testid, text, value) {
  const e = document.querySelector(`[data-testid="${testid}"]`);
  if (!e) return;
  e.textContent = text;
  if (value !== undefined) e.dataset.value = value;
}

// ---- errors ----

const errors = new Map();

function reportError(key, err) {
  if (err) {
    console.error(key, err);
    errors.set(key, err.message || String(err));
  } else {
    errors.delete(key);
  }
  let banner = document.querySelector('[data-testid="error"]');
  if (errors.size === 0) {
    banner?.remove();
    return;
  }
  if (!banner) {
    banner = el("div", { class: "error", role: "alert", "data-testid": "error" });
    document.querySelector("main").prepend(banner);
  }
  banner.textContent = "Could not load everything: " + [...errors.values()].join("; ");
}

// soon runs fn once after REFRESH_DELAY_MS however often it is asked to before then.
const pending = new Map();
function soon(key, fn) {
  if (pending.has(key)) return;
  pending.set(
    key,
    setTimeout(() => {
      pending.delete(key);
      fn().then(
        () => reportError(key, null),
        (err) => reportError(key, err),
      );
    }, REFRESH_DELAY_MS),
  );
}

// ---- topics ----

function topicLabel(t) {
  return t.asset ? `${t.asset} ${t.timeframe}` : `Topic ${t.topic_id}`;
}

async function loadTopics() {
  const { topics } = await getJSON("/v1/topics");
  const root = document.getElementById("topics");
  if (topics.length === 0) {
    root.replaceChildren(el("p", { class: "muted", text: "The gateway knows no topics yet." }));
    return;
  }
  if (state.topics.size === 0) root.replaceChildren();
  for (const t of topics) {
    let view = state.topics.get(t.topic_id);
    if (!view) {
      view = { topic: t, latest: null, seriesMissing: !t.asset, chart: null };
      state.topics.set(t.topic_id, view);
      root.append(topicCard(t));
    }
    view.topic = t;
  }
  await Promise.all([...state.topics.keys()].map((id) => loadTopic(id)));
}

function topicCard(t) {
  const id = t.topic_id;
  return el(
    "article",
    { class: "card topic", "data-testid": `topic-${id}`, "aria-labelledby": `topic-title-${id}` },
    el(
      "header",
      { class: "card-head" },
      el("h3", { id: `topic-title-${id}`, text: topicLabel(t) }),
      el("span", { class: "muted", text: `topic ${id}${t.metadata ? " · " + t.metadata : ""}` }),
    ),
    el(
      "div",
      { class: "latest" },
      el("span", { class: "big", "data-testid": `topic-latest-value-${id}`, text: "–" }),
      el(
        "span",
        { class: "muted" },
        "block ",
        el("span", { "data-testid": `topic-latest-height-${id}`, text: "–" }),
        " · ",
        el("span", { "data-testid": `topic-latest-time-${id}`, text: "–" }),
        " · ",
        el("span", { "data-testid": `topic-latest-ago-${id}`, "data-ago": "", text: "" }),
      ),
    ),
    el("div", { class: "prediction", "data-testid": `prediction-${id}` }),
    el("figure", { class: "chart", "data-testid": `chart-wrap-${id}` }),
    el("p", { class: "accuracy", "data-testid": `accuracy-${id}`, text: "Accuracy: loading…" }),
  );
}

async function loadTopic(id) {
  await Promise.all([loadLatest(id), loadChart(id), loadPrediction(id), loadAccuracy(id)]);
}

async function loadLatest(id) {
  try {
    showLatest(id, await getJSON(`/v1/topics/${id}/inference`));
  } catch (err) {
    if (!(err instanceof NotAvailable)) throw err;
    setText(`topic-latest-value-${id}`, "no inference yet");
  }
}

function showLatest(id, inf) {
  const view = state.topics.get(id);
  if (!view) return;
  if (view.latest && view.latest.block_height > inf.block_height) return; // an older answer
  view.latest = inf;
  setText(`topic-latest-value-${id}`, price(inf.value), inf.value);
  setText(`topic-latest-height-${id}`, String(inf.block_height), String(inf.block_height));
  setText(`topic-latest-time-${id}`, clock(inf.timestamp), inf.timestamp);
  const a = document.querySelector(`[data-testid="topic-latest-ago-${id}"]`);
  if (a) {
    a.dataset.time = inf.timestamp;
    a.textContent = ago(inf.timestamp);
  }
}

// loadChart reads the prediction series (the prediction against the realised price) or,
// where the gateway does not serve it, the inference history.
async function loadChart(id) {
  const view = state.topics.get(id);
  const t = view.topic;
  let chart = null;
  if (!view.seriesMissing) {
    try {
      const s = await getJSON(
        `/v1/predictions/${encodeURIComponent(t.asset)}/${encodeURIComponent(t.timeframe)}/series?limit=${CHART_POINTS}`,
      );
      chart = {
        mode: "series",
        points: s.points.map((p) => ({
          time: p.target_time,
          height: p.block_height,
          predicted: p.predicted_price,
          realised: p.realised_price ?? null,
        })),
      };
    } catch (err) {
      if (!(err instanceof NotAvailable)) throw err;
      view.seriesMissing = true;
    }
  }
  if (!chart) {
    try {
      const h = await getJSON(`/v1/topics/${id}/history?limit=${CHART_POINTS}`);
      chart = {
        mode: "history",
        points: h.inferences.map((i) => ({ time: i.timestamp, height: i.block_height, predicted: i.value, realised: null })),
      };
    } catch (err) {
      if (!(err instanceof NotAvailable)) throw err;
      chart = { mode: "history", points: [] };
    }
  }
  view.chart = chart;
  drawChart(id);
}

const CHART = { w: 640, h: 240, left: 70, right: 14, top: 12, bottom: 26 };

function drawChart(id) {
  const view = state.topics.get(id);
  const fig = document.querySelector(`[data-testid="chart-wrap-${id}"]`);
  if (!fig || !view.chart) return;
  const { mode, points } = view.chart;
  fig.dataset.mode = mode;
  const label = topicLabel(view.topic);
  if (points.length === 0) {
    fig.replaceChildren(el("p", { class: "muted empty", text: "No predictions to plot yet." }));
    return;
  }
  const pts = [...points].sort((a, b) => new Date(a.time) - new Date(b.time));
  const times = pts.map((p) => new Date(p.time).getTime());
  // Numbers only place the dots: the values shown are the API's strings.
  const values = pts.flatMap((p) => [Number(p.predicted), p.realised == null ? NaN : Number(p.realised)]).filter(Number.isFinite);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = hi > lo ? (hi - lo) * 0.08 : Math.max(Math.abs(hi) * 0.001, 1);
  lo -= pad;
  hi += pad;
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  if (t1 === t0) {
    t0 -= 1000;
    t1 += 1000;
  }
  // The drawing is as wide as its box (within limits), so that its text keeps its size
  // on a phone instead of shrinking with the picture.
  const c = { ...CHART, w: Math.max(300, Math.min(CHART.w, Math.round(fig.clientWidth || CHART.w))) };
  if (c.w < 480) c.left = 60;
  const x = (t) => c.left + ((t - t0) / (t1 - t0)) * (c.w - c.left - c.right);
  const y = (v) => c.top + (1 - (v - lo) / (hi - lo)) * (c.h - c.top - c.bottom);

  const s = svg("svg", {
    viewBox: `0 0 ${c.w} ${c.h}`,
    class: "plot",
    role: "img",
    "data-testid": `chart-${id}`,
    "aria-label":
      mode === "series"
        ? `${label}: predicted price against the realised price at each target time, ${pts.length} predictions`
        : `${label}: network inference over time, ${pts.length} inferences`,
  });
  // Horizontal grid lines with their values.
  const ticks = 4;
  for (let i = 0; i <= ticks; i++) {
    const v = lo + ((hi - lo) * i) / ticks;
    const yy = y(v);
    s.append(svg("line", { x1: c.left, x2: c.w - c.right, y1: yy, y2: yy, class: "grid" }));
    s.append(
      svg("text", { x: c.left - 6, y: yy + 4, class: "axis", "text-anchor": "end", "data-testid": `chart-ylabel-${id}`, "data-axis-value": v }, axisNumber(v, hi - lo)),
    );
  }
  s.append(
    svg("text", { x: c.left, y: c.h - 6, class: "axis", "data-testid": `chart-xlabel-${id}` }, clock(new Date(t0).toISOString())),
    svg("text", { x: c.w - c.right, y: c.h - 6, class: "axis", "text-anchor": "end", "data-testid": `chart-xlabel-${id}` }, clock(new Date(t1).toISOString())),
  );
  const now = Date.now();
  if (mode === "series" && now > t0 && now < t1) {
    s.append(svg("line", { x1: x(now), x2: x(now), y1: c.top, y2: c.h - c.bottom, class: "now" }));
    s.append(svg("text", { x: x(now) + 4, y: c.top + 10, class: "axis" }, "now"));
  }
  const line = (key, cls) => {
    const d = pts
      .filter((p) => p[key] != null)
      .map((p, i) => `${i ? "L" : "M"}${x(new Date(p.time).getTime()).toFixed(1)},${y(Number(p[key])).toFixed(1)}`)
      .join("");
    if (d) s.append(svg("path", { d, class: cls }));
  };
  line("predicted", "line predicted");
  line("realised", "line realised");
  for (const series of ["predicted", "realised"]) {
    for (const p of pts) {
      const v = p[series];
      if (v == null) continue;
      const cx = x(new Date(p.time).getTime());
      const cy = y(Number(v));
      s.append(
        svg(
          "circle",
          {
            cx: cx.toFixed(1),
            cy: cy.toFixed(1),
            r: series === "predicted" ? 2.6 : 3.4,
            class: `dot ${series}`,
            "data-testid": `chart-point-${id}`,
            "data-series": series,
            "data-height": p.height,
            "data-value": v,
            "data-time": p.time,
          },
          svg("title", {}, `${series === "predicted" ? "predicted" : "realised"} ${price(v)} · block ${p.height} · ${clock(p.time)}`),
        ),
      );
    }
  }
  const legend = el(
    "figcaption",
    { class: "legend" },
    el("span", { class: "item" }, el("span", { class: "key predicted" }), mode === "series" ? "predicted price at its target time" : "network inference"),
    mode === "series" ? el("span", { class: "item" }, el("span", { class: "key realised" }), "realised price") : null,
    mode === "history" ? el("span", { class: "item", text: "realised prices: not available from this gateway" }) : null,
  );
  fig.replaceChildren(s, legend);
}

async function loadPrediction(id) {
  const view = state.topics.get(id);
  const box = document.querySelector(`[data-testid="prediction-${id}"]`);
  if (!box) return;
  const t = view.topic;
  if (!t.asset) {
    box.replaceChildren();
    return;
  }
  let p;
  try {
    p = await getJSON(`/v1/predictions/${encodeURIComponent(t.asset)}/${encodeURIComponent(t.timeframe)}`);
  } catch (err) {
    if (!(err instanceof NotAvailable)) throw err;
    box.replaceChildren(el("span", { class: "muted", "data-testid": `prediction-${id}-na`, text: "Price now and direction: not available" }));
    return;
  }
  const arrow = { up: "▲", down: "▼", flat: "▶" }[p.direction] || "";
  const sign = p.change && !p.change.startsWith("-") ? "+" : "";
  box.replaceChildren(
    el(
      "dl",
      {},
      el("dt", { text: "Price now" }),
      el(
        "dd",
        {},
        p.current_price == null
          ? el("span", { class: "muted", "data-testid": `prediction-${id}-current`, text: "no price recorded for this asset yet" })
          : el("span", { "data-testid": `prediction-${id}-current`, "data-value": p.current_price, text: price(p.current_price) }),
        p.current_price == null
          ? null
          : el("span", { class: "muted", text: ` · ${p.price_source || ""} · ${clock(p.current_price_as_of)}` }),
      ),
      el("dt", { text: `Predicted for ${clock(p.target_time)}` }),
      el(
        "dd",
        {},
        el("span", { "data-testid": `prediction-${id}-predicted`, "data-value": p.predicted_price, text: price(p.predicted_price) }),
        " ",
        p.direction == null
          ? el("span", { class: "muted", "data-testid": `prediction-${id}-direction`, text: "(no direction without a price now)" })
          : el(
              "span",
              { class: `dir ${p.direction}`, "data-testid": `prediction-${id}-direction`, "data-value": p.direction },
              `${arrow} ${p.direction} ${sign}${roundDecimal(p.change, placesFor(p.predicted_price))} (${sign}${roundDecimal(p.change_percent, 2)}%)`,
            ),
      ),
      p.confidence_band
        ? el("dt", { text: "Confidence band" })
        : null,
      p.confidence_band
        ? el("dd", { "data-testid": `prediction-${id}-band`, text: `${price(p.confidence_band.lower)} – ${price(p.confidence_band.upper)}` })
        : null,
    ),
  );
}

async function loadAccuracy(id) {
  const box = document.querySelector(`[data-testid="accuracy-${id}"]`);
  if (!box) return;
  let a;
  try {
    a = await getJSON(`/v1/topics/${id}/accuracy`);
  } catch (err) {
    if (!(err instanceof NotAvailable)) throw err;
    box.dataset.available = "false";
    box.textContent = "Accuracy: not available";
    return;
  }
  box.dataset.available = "true";
  box.dataset.rounds = a.rounds;
  box.dataset.hits = a.hits;
  box.dataset.lower = a.wilson_lower;
  box.dataset.upper = a.wilson_upper;
  if (!a.rounds) {
    box.replaceChildren("Accuracy: no settled rounds yet");
    return;
  }
  const level = percent(a.confidence_level, 0);
  const lower = percent(a.wilson_lower, 0).replace("%", "");
  const ties = a.ties ? ` (${a.ties} ${a.ties === 1 ? "tie" : "ties"})` : "";
  box.replaceChildren(
    el("strong", { text: "Accuracy: " }),
    el(
      "span",
      { "data-testid": `accuracy-${id}-text` },
      `AI direction right in ${a.hits} of ${a.rounds} rounds${ties}, ${level} interval ${lower}–${percent(a.wilson_upper, 0)}`,
    ),
    a.method ? el("span", { class: "muted method", text: " · " + a.method }) : null,
  );
}

// ---- chains ----

async function loadChains() {
  const { chains } = await getJSON("/v1/chains");
  state.chains = chains;
  drawChains();
}

function chainRowStatus(t, now = Date.now()) {
  if (t.lag_blocks === 0) return "ok";
  if (t.last_push && now - new Date(t.last_push).getTime() < STALE_AFTER_MS) return "behind";
  return "stale";
}

const STATUS_TEXT = { ok: "current", behind: "behind", stale: "stale" };

function drawChains() {
  const root = document.getElementById("chains");
  if (state.chains.length === 0) {
    root.replaceChildren(el("p", { class: "muted", text: "The gateway pushes to no chain." }));
    return;
  }
  root.replaceChildren(
    ...state.chains.map((c) => {
      const rows = c.topics.map((t) => {
        const status = chainRowStatus(t);
        const topic = state.topics.get(t.topic_id)?.topic;
        const key = `${c.chain_id}-${t.topic_id}`;
        return el(
          "tr",
          { "data-testid": `chain-row-${key}`, "data-status": status, class: status },
          el("th", { scope: "row", text: topic ? topicLabel(topic) : `topic ${t.topic_id}` }),
          el("td", { class: "num", "data-testid": `chain-height-${key}`, "data-value": t.block_height, text: String(t.block_height) }),
          el("td", { class: "num", "data-testid": `chain-lag-${key}`, "data-value": t.lag_blocks, text: String(t.lag_blocks) }),
          el("td", {
            "data-testid": `chain-lastpush-${key}`,
            "data-ago": "",
            "data-time": t.last_push || "",
            "data-value": t.last_push || "",
            title: t.last_push || "never pushed by this gateway",
            text: t.last_push ? ago(t.last_push) : "never",
          }),
          el("td", {}, el("span", { class: `badge ${status}`, "data-testid": `chain-status-${key}`, text: STATUS_TEXT[status] })),
        );
      });
      return el(
        "article",
        { class: "card chain", "data-testid": `chain-${c.chain_id}` },
        el(
          "table",
          {},
          el(
            "caption",
            {},
            el("span", { class: "chain-name", text: c.name }),
            el("span", { class: "muted", text: ` · chain ${c.chain_id} · oracle ` }),
            el("code", { title: c.oracle, text: c.oracle.slice(0, 8) + "…" + c.oracle.slice(-6) }),
          ),
          el(
            "thead",
            {},
            el(
              "tr",
              {},
              el("th", { scope: "col", text: "Topic" }),
              el("th", { scope: "col", class: "num", title: "Allora block height of the inference the chain's oracle holds", text: "Height" }),
              el("th", { scope: "col", class: "num", title: "Allora blocks between the newest inference and the oracle's", text: "Lag" }),
              el("th", { scope: "col", text: "Last push" }),
              el("th", { scope: "col", text: "Status" }),
            ),
          ),
          el("tbody", {}, ...rows),
        ),
      );
    }),
  );
}

// ---- markets ----

async function loadMarkets() {
  await Promise.all(state.chains.map((c) => loadChainMarkets(c.chain_id)));
  drawMarkets();
}

async function loadChainMarkets(chainId) {
  try {
    const m = await getJSON(`/v1/markets/${chainId}`);
    state.markets.set(chainId, { available: true, markets: m.markets });
  } catch (err) {
    if (!(err instanceof NotAvailable)) throw err;
    state.markets.set(chainId, { available: false, markets: [] });
  }
}

function drawMarkets() {
  const root = document.getElementById("markets");
  const known = state.chains.filter((c) => state.markets.has(c.chain_id));
  if (known.length > 0 && known.every((c) => !state.markets.get(c.chain_id).available)) {
    root.replaceChildren(el("p", { class: "muted", "data-testid": "markets-na", text: "Markets: not available from this gateway." }));
    return;
  }
  const cards = [];
  for (const c of known) {
    const entry = state.markets.get(c.chain_id);
    if (!entry.available || entry.markets.length === 0) {
      cards.push(
        el("p", { class: "muted", "data-testid": `markets-${c.chain_id}-none`, text: `${c.name}: ${entry.available ? "no markets" : "markets not available"}.` }),
      );
      continue;
    }
    for (const m of entry.markets) cards.push(marketCard(c, m));
  }
  root.replaceChildren(...cards);
}

function marketCard(chain, m) {
  const token = NATIVE_TOKEN[chain.chain_id] || "";
  const key = `${chain.chain_id}-${m.market_id}`;
  const rows = m.rounds.map((r) => {
    const rk = `${key}-${r.epoch}`;
    const aiArrow = { up: "▲", down: "▼", flat: "▶" }[r.ai_direction] || "";
    return el(
      "tr",
      { "data-testid": `round-${rk}`, class: r.epoch === m.current_epoch ? "current" : null },
      el("th", { scope: "row", class: "num", text: String(r.epoch) }),
      el("td", {}, el("span", { class: `badge round-${r.status}`, "data-testid": `round-status-${rk}`, text: r.status })),
      el("td", { class: "num", "data-testid": `round-lock-${rk}`, "data-value": r.lock_price ?? "", text: price(r.lock_price) }),
      el(
        "td",
        { class: "num", "data-testid": `round-ai-${rk}`, "data-value": r.ai_prediction ?? "" },
        r.ai_prediction == null ? "–" : `${aiArrow} ${price(r.ai_prediction)}`,
      ),
      el("td", { class: "num", "data-testid": `round-close-${rk}`, "data-value": r.close_price ?? "", text: price(r.close_price) }),
      el("td", { class: "num", "data-testid": `round-with-${rk}`, "data-value": r.with_ai_pool, text: `${fromWei(r.with_ai_pool)} ${token}` }),
      el("td", { class: "num", "data-testid": `round-against-${rk}`, "data-value": r.against_ai_pool, text: `${fromWei(r.against_ai_pool)} ${token}` }),
      el(
        "td",
        {},
        r.outcome
          ? el("span", { class: `badge outcome-${r.outcome}`, "data-testid": `round-outcome-${rk}`, "data-value": r.outcome, text: r.outcome.replace(/_/g, " ") })
          : el("span", { class: "muted", "data-testid": `round-outcome-${rk}`, "data-value": "", text: "pending" }),
      ),
    );
  });
  return el(
    "article",
    { class: "card market", "data-testid": `market-${key}` },
    el(
      "div",
      { class: "table-scroll" },
      el(
        "table",
        {},
        el(
          "caption",
          {},
          el("span", { class: "chain-name", text: `${m.name || m.asset + " market"}` }),
          el("span", {
            class: "muted",
            text: ` · ${chain.name} · ${m.asset} · rounds of ${m.interval_seconds} s · epoch `,
          }),
          el("span", { "data-testid": `market-epoch-${key}`, text: String(m.current_epoch) }),
          m.paused ? el("span", { class: "badge stale", text: "paused" }) : null,
        ),
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            ...["Epoch", "Status", "Lock price", "AI call", "Close price", "With AI", "Against AI", "Outcome"].map((h, i) =>
              el("th", { scope: "col", class: i >= 2 && i <= 6 ? "num" : null, text: h }),
            ),
          ),
        ),
        el("tbody", {}, ...rows),
      ),
    ),
  );
}

function applyRound(ev) {
  const entry = state.markets.get(ev.chain_id);
  const m = entry?.markets.find((x) => x.market_id.toLowerCase() === String(ev.market_id).toLowerCase());
  if (!m) {
    soon(`markets-${ev.chain_id}`, async () => {
      await loadChainMarkets(ev.chain_id);
      drawMarkets();
    });
    return;
  }
  const i = m.rounds.findIndex((r) => r.epoch === ev.round.epoch);
  if (i >= 0) m.rounds[i] = ev.round;
  else m.rounds.unshift(ev.round);
  m.rounds.sort((a, b) => b.epoch - a.epoch);
  m.rounds.length = Math.min(m.rounds.length, 10);
  m.current_epoch = Math.max(m.current_epoch, ev.round.epoch);
  drawMarkets();
  if (ev.round.outcome) soon(`accuracy-${m.topic_id}`, () => loadAccuracy(m.topic_id));
}

// ---- the stream ----

let reconnectDelay = 1000;
let everOpened = false;

function setStream(status) {
  const s = document.querySelector('[data-testid="stream-status"]');
  s.textContent = status;
  document.querySelector('[data-testid="stream-dot"]').className = `dot ${status}`;
}

function countEvent() {
  state.events++;
  const s = document.querySelector('[data-testid="stream-status"]');
  s.dataset.events = state.events;
  const last = document.querySelector('[data-testid="stream-last"]');
  last.textContent = `last event ${clock(new Date().toISOString())}`;
}

function handle(name, fn) {
  return (e) => {
    countEvent();
    let data;
    try {
      data = JSON.parse(e.data);
    } catch (err) {
      console.error(`stream ${name} event is not JSON`, err);
      return;
    }
    fn(data);
  };
}

function connect() {
  const es = new EventSource("/v1/stream");
  es.onopen = () => {
    reconnectDelay = 1000;
    if (everOpened) refreshAll(); // events may have been missed while away
    everOpened = true;
    setStream("live");
  };
  es.onerror = () => {
    if (es.readyState === EventSource.CLOSED) {
      // The server refused or ended the stream for good: open a new one, backing off.
      es.close();
      setStream("reconnecting");
      setTimeout(connect, reconnectDelay);
      reconnectDelay = Math.min(reconnectDelay * 2, MAX_RECONNECT_MS);
    } else {
      setStream("reconnecting"); // the browser retries by itself, resuming from the last id
    }
  };
  es.addEventListener(
    "inference",
    handle("inference", (inf) => {
      if (!state.topics.has(inf.topic_id)) {
        soon("topics", loadTopics);
        return;
      }
      showLatest(inf.topic_id, inf);
      const id = inf.topic_id;
      soon(`chart-${id}`, () => loadChart(id));
      soon(`prediction-${id}`, () => loadPrediction(id));
      soon("chains", loadChains); // lag grows with every new inference
    }),
  );
  es.addEventListener(
    "push",
    handle("push", () => soon("chains", loadChains)),
  );
  es.addEventListener("round", handle("round", applyRound));
  es.addEventListener(
    "price",
    handle("price", (p) => {
      // "Price now" and the direction of every topic on the asset follow its price.
      for (const [id, view] of state.topics) {
        if (view.topic.asset === p.asset) soon(`prediction-${id}`, () => loadPrediction(id));
      }
    }),
  );
  es.addEventListener(
    "reset",
    handle("reset", () => refreshAll()),
  );
}

async function refreshAll() {
  const run = async (key, fn) => {
    try {
      await fn();
      reportError(key, null);
    } catch (err) {
      reportError(key, err);
    }
  };
  await run("topics", loadTopics);
  await run("chains", loadChains);
  drawChains(); // topic names are known now
  await run("markets", loadMarkets);
}

// tick keeps every "… ago" and every chain row's status true as time passes.
function tick() {
  const now = Date.now();
  for (const e of document.querySelectorAll("[data-ago]")) {
    if (e.dataset.time) e.textContent = ago(e.dataset.time, now);
  }
  for (const c of state.chains) {
    for (const t of c.topics) {
      const key = `${c.chain_id}-${t.topic_id}`;
      const status = chainRowStatus(t, now);
      const row = document.querySelector(`[data-testid="chain-row-${key}"]`);
      if (!row || row.dataset.status === status) continue;
      row.dataset.status = status;
      row.className = status;
      const badge = document.querySelector(`[data-testid="chain-status-${key}"]`);
      badge.className = `badge ${status}`;
      badge.textContent = STATUS_TEXT[status];
    }
  }
}

let resizeTimer;
function redrawCharts() {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    for (const id of state.topics.keys()) drawChart(id);
  }, 150);
}

async function main() {
  window.addEventListener("resize", redrawCharts);
  connect();
  await refreshAll();
  document.body.dataset.loaded = "true";
  setInterval(tick, 1000);
  setInterval(() => {
    if ([...state.markets.values()].some((m) => m.available)) soon("markets", loadMarkets);
  }, MARKETS_POLL_MS);
}

main();

// Formatting of the API's decimal strings for people. Prices and amounts stay strings
// and BigInts all the way to the text, so that what the page shows is what the API
// said, rounded, and never a binary float's approximation of it.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

// groupThousands puts commas between groups of three digits of an integer string.
function groupThousands(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// roundDecimal rounds a decimal string half away from zero to places decimals, with
// thousands grouped; a string that is not a plain decimal is returned unchanged.
export function roundDecimal(s, places) {
  const m = DECIMAL.exec(String(s));
  if (!m) return String(s);
  const [, sign, ip, fp = ""] = m;
  const kept = BigInt(ip + (fp + "0".repeat(places + 1)).slice(0, places + 1));
  let q = kept / 10n;
  if (kept % 10n >= 5n) q += 1n;
  const str = q.toString().padStart(places + 1, "0");
  const int = str.slice(0, str.length - places);
  const frac = str.slice(str.length - places);
  const neg = sign === "-" && q !== 0n;
  return (neg ? "-" : "") + groupThousands(int) + (places > 0 ? "." + frac : "");
}

// placesFor picks how many decimals show a price well: cents for large prices, more
// for small ones.
export function placesFor(s) {
  const m = DECIMAL.exec(String(s));
  if (!m) return 2;
  const int = m[2].replace(/^0+/, "");
  if (int.length >= 3) return 2;
  if (int.length >= 1) return 4;
  return 6;
}

// price formats a decimal string as a price.
export function price(s) {
  return s == null ? "–" : roundDecimal(s, placesFor(s));
}

// shiftDecimal multiplies a decimal string by 10^n (n may be negative) exactly.
export function shiftDecimal(s, n) {
  const m = DECIMAL.exec(String(s));
  if (!m) return String(s);
  const [, sign, ip, fp = ""] = m;
  let digits = ip + fp;
  let point = ip.length + n;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const int = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const frac = digits.slice(point);
  return sign + int + (frac ? "." + frac : "");
}

// percent formats a fraction such as "0.575" as "57.5%", with up to places decimals.
export function percent(fraction, places = 1) {
  const p = roundDecimal(shiftDecimal(fraction, 2), places).replace(/\.?0+$/, "");
  return p + "%";
}

// fromWei formats an integer amount of wei as the token with places decimals.
export function fromWei(wei, places = 4) {
  if (!/^-?\d+$/.test(String(wei))) return String(wei);
  return roundDecimal(shiftDecimal(String(wei), -18), places);
}

// clock formats an RFC 3339 time as HH:MM:SS UTC.
export function clock(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toISOString().slice(11, 19) + " UTC";
}

// ago says how long before now a time was, in the largest unit that fits.
export function ago(iso, now = Date.now()) {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return "never";
  const s = Math.round((now - t) / 1000);
  if (s < 0) return "in " + ago(new Date(now + (now - t)).toISOString(), now).replace(/ ago$/, "");
  if (s < 60) return s + " s ago";
  if (s < 3600) return Math.floor(s / 60) + " min " + (s % 60) + " s ago";
  if (s < 86400) return Math.floor(s / 3600) + " h " + Math.floor((s % 3600) / 60) + " min ago";
  return Math.floor(s / 86400) + " d ago";
}

// axisNumber formats a chart axis value; the axis is a picture, so a float is fine.
export function axisNumber(n, span) {
  const places = span >= 100 ? 0 : span >= 1 ? 2 : 4;
  return n.toLocaleString("en-US", { minimumFractionDigits: places, maximumFractionDigits: places });
}

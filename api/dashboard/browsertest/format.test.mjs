// The page's number formatting: what a person reads must be the API's decimal string
// rounded, never a binary float's approximation of it.
import assert from "node:assert/strict";
import test from "node:test";
import { ago, fromWei, percent, price, roundDecimal, shiftDecimal } from "../static/format.js";

test("roundDecimal rounds half away from zero and groups thousands", () => {
  const cases = [
    ["3013.0416822719514781263742834", 2, "3,013.04"],
    ["999.995", 2, "1,000.00"],
    ["-2.675", 2, "-2.68"], // 2.675 is 2.67499… as a float
    ["-0.004", 2, "0.00"],
    ["97017.3", 0, "97,017"],
    ["123456789012345678901234567890.5", 0, "123,456,789,012,345,678,901,234,567,891"],
    ["NaN", 2, "NaN"],
  ];
  for (const [in_, places, want] of cases) assert.equal(roundDecimal(in_, places), want, `roundDecimal(${in_}, ${places})`);
});

test("price shows cents for large prices and more decimals for small ones", () => {
  assert.equal(price("3012.4512345"), "3,012.45");
  assert.equal(price("1.23456789"), "1.2346");
  assert.equal(price("0.0123456789"), "0.012346");
  assert.equal(price(null), "–");
});

test("shiftDecimal, percent and fromWei move the point exactly", () => {
  assert.equal(shiftDecimal("0.575", 2), "57.5");
  assert.equal(shiftDecimal("12", -3), "0.012");
  assert.equal(percent("0.575"), "57.5%");
  assert.equal(percent("0.42", 0), "42%");
  assert.equal(percent("0.7249", 0), "72%");
  assert.equal(fromWei("1500000000000000000"), "1.5000");
  assert.equal(fromWei("123456789012345678901234"), "123,456.7890");
  assert.equal(fromWei("0"), "0.0000");
});

test("ago says how long before now", () => {
  const now = Date.parse("2026-11-24T20:00:00Z");
  assert.equal(ago("2026-11-24T19:59:55Z", now), "5 s ago");
  assert.equal(ago("2026-11-24T19:58:45Z", now), "1 min 15 s ago");
  assert.equal(ago("2026-11-24T17:30:00Z", now), "2 h 30 min ago");
  assert.equal(ago("not a time", now), "never");
});

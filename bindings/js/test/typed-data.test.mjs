// The typed_data of a real answer hashes to the answer's digest with viem, as a wallet's
// eth_signTypedData_v4 would sign it.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { hashTypedData } from "viem";

test("typed_data of a real answer hashes to its digest", async () => {
  const answer = JSON.parse(await readFile(new URL("./testdata/signed-update.json", import.meta.url), "utf8"));
  const { domain, types, message } = answer.typed_data;
  const digest = hashTypedData({ domain, types: { Batch: types.Batch, Update: types.Update }, primaryType: "Batch", message });
  assert.equal(digest, answer.digest);
});

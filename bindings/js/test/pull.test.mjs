import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeFunctionData } from "viem";
import { SignedUpdateError, alloraOracleAbi, pullUpdate, toTransaction, verifySignedUpdate } from "../dist/index.js";
import { accounts, oracle, signedUpdate } from "./fixture.mjs";

const set = { signers: accounts.map((a) => a.address), threshold: 2 };

test("a signed update of registered signers verifies and recovers them in order", async () => {
  const su = await signedUpdate(accounts.slice(0, 2));
  const recovered = await verifySignedUpdate(su, set, { chainId: 56, oracle });
  assert.deepEqual(recovered, accounts.slice(0, 2).map((a) => a.address));
  const tx = toTransaction(su);
  assert.equal(tx.to, oracle);
  const call = decodeFunctionData({ abi: alloraOracleAbi, data: tx.data });
  assert.equal(call.functionName, "updateBatch");
  assert.equal(call.args[0][0].value, -1234567890000000000n);
});

test("a signed update is refused when a check fails", async (t) => {
  const cases = [
    ["below the threshold", async () => [await signedUpdate(accounts.slice(0, 1)), set], /1 signatures, the oracle needs 2/],
    ["a signer outside the set", async () => [await signedUpdate(accounts.slice(0, 2)), { signers: [accounts[0].address, accounts[2].address], threshold: 1 }], /is not a signer/],
    ["signers not ascending", async () => [await signedUpdate([accounts[1], accounts[0]]), set], /not strictly ascending/],
    ["another value than signed", async () => { const su = await signedUpdate(); su.update.value = "1"; return [su, set]; }, /digest .* is not the update's/],
    ["a signature of someone else", async () => { const su = await signedUpdate(); su.signatures[0].signer = accounts[2].address; return [su, set]; }, /recovers to/],
    ["calldata of another batch", async () => { const su = await signedUpdate(); su.calldata = (await signedUpdate(accounts.slice(0, 2))).calldata; return [su, set]; }, /calldata is not updateBatch/],
    ["another chain than expected", async () => [await signedUpdate(), set, { chainId: 146 }], /chain 56, expected 146/],
  ];
  for (const [name, make, want] of cases) {
    await t.test(name, async () => {
      const [su, s, expected] = await make();
      await assert.rejects(verifySignedUpdate(su, s, expected), (err) => err instanceof SignedUpdateError && want.test(err.message));
    });
  }
});

test("pullUpdate fetches, verifies and returns the transaction", async () => {
  const su = await signedUpdate();
  const asked = [];
  const client = { signedUpdate: async (topicId, chainId) => { asked.push([topicId, chainId]); return su; } };
  const got = await pullUpdate(client, { topicId: 1n, chainId: 56n, oracle, signerSet: set });
  assert.deepEqual(asked, [[1n, 56n]]);
  assert.equal(got.data, su.calldata);
  await assert.rejects(pullUpdate(client, { topicId: 1n, chainId: 56n, oracle: accounts[0].address, signerSet: set }), /oracle .* expected/);
});

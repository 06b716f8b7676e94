// Type-checked by `npm test` (tsc -p test): a real answer of /v1/topics/{id}/update, as
// the gateway sends it (api/typeddata_fixture_test.go keeps the file current), is a
// SignedUpdate, and its typed_data is what viem's hashTypedData takes.
import { hashTypedData, type Address } from "viem";
import type { BatchTypedData, SignedUpdate } from "../src/client.js";
import answer from "./testdata/signed-update.json" with { type: "json" };

const update: SignedUpdate = answer;
const typed: BatchTypedData = update.typed_data;

export const digest = hashTypedData({
  domain: { ...typed.domain, verifyingContract: typed.domain.verifyingContract as Address },
  types: { Batch: typed.types.Batch, Update: typed.types.Update },
  primaryType: "Batch",
  message: typed.message,
});

import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";

const read = (path) => readFile(new URL(path, import.meta.url), "utf8");

// The package is versioned like the gateway: its version is the latest release in
// CHANGELOG.md, which is also the Helm chart's appVersion.
test("the package's version is the gateway's latest release", async () => {
  const { version } = JSON.parse(await read("../package.json"));
  const released = (await read("../../../CHANGELOG.md")).match(/^## \[v(\d+\.\d+\.\d+)\]/m);
  assert.ok(released, "CHANGELOG.md lists no release");
  assert.equal(version, released[1], "bump bindings/js/package.json with each release of the gateway");
  const appVersion = (await read("../../../deploy/helm/allora-gateway/Chart.yaml")).match(/^appVersion: "v(.+)"$/m);
  assert.ok(appVersion, "Chart.yaml has no appVersion");
  assert.equal(version, appVersion[1]);
});

#!/usr/bin/env bash
# Builds the contracts with forge and regenerates every Go binding under bindings/ from
# the fresh artifacts. Run from anywhere; needs `npm ci` in contracts/ once.
set -euo pipefail

contracts="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(cd "$contracts/.." && pwd)"

if [[ ! -x "$contracts/node_modules/.bin/forge" ]]; then
	echo "build-bindings: forge is not installed: run 'npm ci' in contracts/" >&2
	exit 1
fi

# forge resolves foundry.toml's relative `solc = "tools/solc"` against the working
# directory, so it must run from contracts/.
(cd "$contracts" && ./node_modules/.bin/forge build)
(cd "$repo" && go generate ./bindings/...)

#!/bin/sh
# Runs the dashboard's browser test on a fresh machine: installs Debian's chromium when
# none is found and playwright-core from the lock file, then runs the test against the
# gateway binary in $GATEWAY_BIN (make browser-test builds it first).
set -eu
cd "$(dirname "$0")"

CHROMIUM=${CHROMIUM:-$(command -v chromium || true)}
if [ -z "$CHROMIUM" ]; then
	echo "installing chromium (Debian package)"
	apt-get update -qq
	apt-get install -y -qq chromium >/dev/null
	CHROMIUM=$(command -v chromium)
fi

if [ ! -f node_modules/.installed ] || [ package-lock.json -nt node_modules/.installed ]; then
	npm ci --no-audit --no-fund
	touch node_modules/.installed
fi

node --test format.test.mjs
CHROMIUM=$CHROMIUM exec node dashboard.test.mjs

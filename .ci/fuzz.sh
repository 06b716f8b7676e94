#!/usr/bin/env bash
# Runs every Go fuzz target of the repository for a short time (FUZZTIME, default 5s),
# one target per `go test -fuzz` invocation, as `make fuzz` and `make test` do.
#
# A target that fails and leaves a new failing input under testdata/fuzz has found a bug:
# that fails the run at once. A failure that leaves no input behind is the fuzzing engine
# itself (a worker starved of CPU on a loaded machine); the target is run once more
# before it counts.
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime="${FUZZTIME:-5s}"
go="${GO:-go}"

targets=$(grep -rlE --include='*_test.go' --exclude-dir=node_modules --exclude-dir=contracts '^func Fuzz[A-Za-z0-9_]+\(' . | sort)
for f in $targets; do
	dir=$(dirname "$f")
	for t in $(sed -nE 's/^func (Fuzz[A-Za-z0-9_]+)\(.*/\1/p' "$f"); do
		for attempt in 1 2; do
			echo "fuzz $dir $t (attempt $attempt)"
			before=$(find "$dir/testdata/fuzz/$t" -type f 2>/dev/null | sort || true)
			if "$go" test -run '^$' -fuzz "^$t\$" -fuzztime "$fuzztime" "$dir"; then
				break
			fi
			after=$(find "$dir/testdata/fuzz/$t" -type f 2>/dev/null | sort || true)
			if [[ "$before" != "$after" ]]; then
				echo "fuzz $dir $t: found a failing input (see the new file under $dir/testdata/fuzz/$t)" >&2
				exit 1
			fi
			if [[ $attempt == 2 ]]; then
				echo "fuzz $dir $t: failed twice" >&2
				exit 1
			fi
		done
	done
done

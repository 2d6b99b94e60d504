#!/usr/bin/env bash
# Runs the whole test suite (unit + integration on the real corpora) and ends with "N passed, N failed, N skipped".
# Integration tests read the corpora through the cache under data/, the mirror in $DOC2HASH_DATA_MIRROR, or the
# canonical download URLs, in that order.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$root/scripts/setup-machine.sh" || exit 1
log="$(mktemp)"
dotnet test "$root/Doc2Hash.sln" -c Release --nologo "$@" 2>&1 | tee "$log"
code=${PIPESTATUS[0]}
# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 6, Skipped: 0, ...").
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- Failed: ' "$log" |
  sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
rm -f "$log"
if [ "$code" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi # a build error counts as a failure
echo "$passed passed, $failed failed, $skipped skipped"
exit "$code"

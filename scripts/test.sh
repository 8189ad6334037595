#!/usr/bin/env bash
# Every test: types, Node tests (server, protocol, pure logic), browser tests (engine, elements),
# then the built bundle end to end, the packed package in framework apps, and every Storybook story.
# Installs what is missing first. Ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bin=node_modules/.bin
log=$(mktemp)
trap 'rm -f "$log" "$log.wtr"' EXIT

echo "== types"
"$bin/tsc" -p .

echo "== node tests"
# Node's runner: server/, protocol/, scripts/, and core's and components' *.node.test.ts (pure logic, SSR imports; the rest needs a browser).
mapfile -t node_tests < <({ find protocol server scripts -name '*.test.ts'; find core components -name '*.node.test.ts'; } 2>/dev/null | sort)
node --import tsx --test --test-reporter=spec "${node_tests[@]}" | tee -a "$log"

echo "== browser tests"
"$bin/web-test-runner" | tee "$log.wtr"
grep -E 'test files \|' "$log.wtr" | tail -n 1 >> "$log"
rm -f "$log.wtr"

echo "== janus (SFU rooms through a real Janus, in a network namespace of their own)"
bash scripts/test-janus.sh | tee "$log.wtr"
grep -E 'test files \|' "$log.wtr" | tail -n 1 >> "$log" || true
rm -f "$log.wtr"

echo "== build and end-to-end"
npm run build
node --import tsx --test --test-reporter=spec test/e2e/*.test.ts | tee -a "$log"

echo "== package (npm pack, installed into scratch Vite, React and Vue apps, built, one call)"
node --import tsx --test --test-reporter=spec test/package/*.test.ts | tee -a "$log"

echo "== storybook (every story renders, calls connect, nothing leaks)"
node --import tsx --test --test-reporter=spec test/storybook/stories.test.ts | tee -a "$log"

# Node's runner prints "ℹ pass N" / "ℹ fail N"; web-test-runner "N passed, M failed".
sum() { grep -oE "$1" "$log" | grep -oE '[0-9]+' | awk '{ n += $1 } END { print n + 0 }'; }
echo
echo "tests: $(sum 'ℹ pass [0-9]+|[0-9]+ passed') passed, $(sum 'ℹ fail [0-9]+|[0-9]+ failed') failed"

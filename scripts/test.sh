#!/usr/bin/env bash
# Every test: types, Node tests (server, protocol, pure logic), browser tests (engine, elements),
# then the built bundle end to end. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "== types"
npx tsc -p .

echo "== node tests"
mapfile -t node_tests < <(find protocol server core scripts -name '*.test.ts' \( -path 'core/*' -prune -name '*.node.test.ts' -o ! -path 'core/*' \) 2>/dev/null | sort)
mapfile -t node_tests < <(printf '%s\n' "${node_tests[@]}" | grep -v '^$' || true)
if [ "${#node_tests[@]}" -gt 0 ]; then
  node --import tsx --test --test-reporter=spec "${node_tests[@]}"
fi

echo "== browser tests"
npx web-test-runner

if [ -d test/e2e ]; then
  echo "== build and end-to-end"
  npm run build
  node --import tsx --test --test-reporter=spec test/e2e/*.test.ts
fi

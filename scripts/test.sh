#!/usr/bin/env bash
# Every test: types, Node tests (server, protocol, pure logic), browser tests (engine, elements),
# then the built bundle end to end. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "== types"
npx tsc -p .

echo "== node tests"
# Node's runner: server/, protocol/, scripts/, and core's and components' *.node.test.ts (pure logic, SSR imports; the rest needs a browser).
mapfile -t node_tests < <({ find protocol server scripts -name '*.test.ts'; find core components -name '*.node.test.ts'; } 2>/dev/null | sort)
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

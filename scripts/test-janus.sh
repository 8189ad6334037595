#!/usr/bin/env bash
# The SFU tests (test/janus/): Janus, our server and Chromium in a network namespace of their own, where a
# veth carries 127.0.0.2 (Janus offers no candidates on loopback interfaces; docs/media-server.md#tests).
# Media never touches the machine's own addresses. Needs root (unshare) and Debian's janus; skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v janus >/dev/null 2>&1; then
  echo "janus tests: SKIPPED (Janus is not installed: run scripts/setup.sh)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! unshare --net true 2>/dev/null; then
  echo "janus tests: SKIPPED (network namespaces need root: run as root, e.g. in CI's container)"
  exit 0
fi

# Everything started below lives and dies with the namespace's first process.
exec unshare --net --fork bash -c '
  set -euo pipefail
  ip link set lo up
  ip link add rtc-veth0 type veth peer name rtc-veth1
  ip link set rtc-veth0 up
  ip link set rtc-veth1 up
  ip addr add 127.0.0.2/32 dev rtc-veth0
  exec node_modules/.bin/web-test-runner --config web-test-runner.janus.config.mjs "$@"
' janus-tests "$@"

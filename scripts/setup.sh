#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine: npm packages, a Chromium, and
# Janus (the media server for SFU rooms) with its recording tools and ffmpeg.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  # Not `npm ci`: the registry here serves no other platforms' optional binaries (rollup's, for one), so
  # the lock cannot list them and `npm ci` calls it out of sync. `npm install` installs the locked versions.
  # --loglevel=error: some test-only packages (@open-wc/testing's copies of @web/test-runner-*) declare
  # Node 22 and npm warns EBADENGINE for each, though they run on Node 20. What runs the demo (the
  # dependencies, the build) supports Node 20+; errors still print.
  npm install --no-audit --no-fund --loglevel=error
fi

# Janus (SFU rooms), janus-tools (janus-pp-rec), ffmpeg and a font (recordings). Without them the server still
# runs and rooms stay in the mesh; the tests need them. The package's own janus.service is not used.
missing=()
command -v janus >/dev/null 2>&1 || missing+=(janus)
command -v janus-pp-rec >/dev/null 2>&1 || missing+=(janus-tools)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
# The names under a recording's tiles (ffmpeg's drawtext needs a TrueType font; docs/server.md#recordings).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ] && [ "${1:-}" = "--no-browser" ] && [ "$(id -u)" -ne 0 ] && ! sudo -n true 2>/dev/null; then
  # `npm start` never waits for a password: the demo runs without them (rooms stay peer to peer).
  echo "setup: ${missing[*]} not installed: rooms stay peer to peer and server recording is off (run \`npm run setup\` with sudo to add them)"
elif [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian's ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The demo needs no browser of ours; the tests do.
if [ "${1:-}" = "--no-browser" ]; then exit 0; fi

if [ -n "${CHROME_PATH:-}" ]; then
  [ -x "$CHROME_PATH" ] || { echo "setup: CHROME_PATH=$CHROME_PATH is not executable" >&2; exit 1; }
elif ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing Debian's chromium"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

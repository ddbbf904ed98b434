#!/usr/bin/env bash
# Usage: pluggy-sandbox/src/test/browser/setup.sh — what the Connect widget browser test needs, installed when absent
# (idempotent): Debian's chromium at /usr/bin/chromium, node and npm, and the packages pinned in package-lock.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

say() { printf '%-18s %s\n' "$1" "${*:2}"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
can_apt() { [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; }
apt_install() {
  say apt "installing $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "$@" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$@" >/dev/null; } ||
    die "apt-get install $* failed"
}

if [[ ! -x /usr/bin/chromium ]]; then
  can_apt || die "/usr/bin/chromium not found and cannot be installed here (Debian, as root: apt-get install chromium)"
  apt_install chromium
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  can_apt || die "node and npm not found and cannot be installed here (Debian, as root: apt-get install nodejs npm)"
  apt_install nodejs npm
fi
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say npm "npm ci ($(pwd))"
  npm ci --no-audit --no-fund --loglevel=error
fi
say browser-test "ready: $(/usr/bin/chromium --version 2>/dev/null), node $(node --version)"

#!/usr/bin/env bash
# Installs what building and testing Greenroom needs on Debian 12, when it is missing.
# Usage: scripts/lib/install-deps.sh [--browser]
set -euo pipefail

packages=(cmake g++ make pkg-config ccache libboost1.81-dev libsqlite3-dev sqlite3 libxml2-dev libssl-dev
          nlohmann-json3-dev libargon2-dev libgtest-dev libgmock-dev libbenchmark-dev
          libicu-dev libcmark-gfm-dev libcmark-gfm-extensions-dev clang libclang-rt-14-dev)  # clang + libFuzzer/ASan/UBSan runtimes: scripts/lib/fuzz.sh
packages+=(libjemalloc-dev)  # the server's allocator (CMakeLists.txt: about a sixth less CPU per post created)
packages+=(ca-certificates)  # the system CA store: the reading list's fetcher verifies feed servers (TLS)
packages+=(python3-feedparser)  # the API tests read the Atom feeds with a real feed reader's parser
if [[ "${1:-}" == "--browser" ]]; then packages+=(chromium fonts-noto-color-emoji); fi
if [[ "${1:-}" == "--bench" ]]; then packages+=(wrk bc python3); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)

if ((${#missing[@]})); then
  echo "==> installing: ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "error: missing packages (${missing[*]}); run as root or install them" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

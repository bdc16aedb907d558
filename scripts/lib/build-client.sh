#!/usr/bin/env bash
# Builds the browser client into client-web/dist with the pinned npm packages.
set -euo pipefail
cd "$(dirname "$0")/../../client-web"
npm ci --no-audit --no-fund --loglevel=error
npm run build

#!/usr/bin/env bash
# Configures and builds the server and tests into build/ (ccache, precompiled headers, -j2).
set -euo pipefail
cd "$(dirname "$0")/../.."
build_type="${BUILD_TYPE:-RelWithDebInfo}"
cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" -DGREENROOM_WERROR=ON >/dev/null
cmake --build build -j"${JOBS:-2}"

#!/usr/bin/env bash
# Fetches the source of Rust's http crate (pinned in scripts/constants/rust/Cargo.lock), which
# scripts/constants/extract.mjs reads for the http::StatusCode table. Skipped without cargo: the
# committed table then stays as it is and the constants test checks the other languages.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: no cargo; the Rust constants table is not re-checked here"
  exit 0
fi
cargo fetch -q --locked --manifest-path scripts/constants/rust/Cargo.toml
echo "setup: http crate source fetched for the Rust constants table"

#!/usr/bin/env bash
# Installs everything the test suite needs that npm does not: Debian packages (as root), a Python
# virtual environment with requirements-test.txt, and the Maven and Go dependencies of the proofs.
# Idempotent: what is already there is not installed again. `.ci/run` calls it; so can a newcomer.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: command (or path) to look for, then the package that provides it.
debian=(
  "${CHROMIUM_PATH:-/usr/bin/chromium}:chromium"
  "nginx:nginx-light"
  "redis-server:redis-server"
  "curl:curl"
  "wrk:wrk"
)
missing=()
for pair in "${debian[@]}"; do
  cmd=${pair%%:*} pkg=${pair##*:}
  if [[ $cmd == /* ]]; then [ -x "$cmd" ] || missing+=("$pkg"); else command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg"); fi
done
command -v go >/dev/null 2>&1 || missing+=(golang-go)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
python3 -c "import venv, ensurepip" >/dev/null 2>&1 || missing+=(python3-venv)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing Debian packages: ${missing[*]}; run as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
fi

# Python: one virtual environment for the snippet proofs and the client sweeps.
if [ ! -x .venv/bin/python ] || ! cmp -s requirements-test.txt .venv/requirements-test.txt; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r requirements-test.txt
  cp requirements-test.txt .venv/requirements-test.txt
fi

# Extra steps other parts of the suite need (Maven dependencies, Go modules) live in scripts/setup.d.
for step in scripts/setup.d/*.sh; do
  [ -e "$step" ] || continue
  bash "$step"
done
echo "setup: done"

#!/usr/bin/env bash
# `make check`: every check a pull request gets, but the tests, in one go. Each step runs even when
# one before it failed, so every problem is listed at once; the exit status is 1 if any failed.
# Also run by the pre-commit hook "content-checks" (.pre-commit-config.yaml).
set -uo pipefail
cd "$(dirname "$0")/.."
bin="${VENV:-.venv}/bin"
failed=()

step() {
  local name="$1"
  shift
  echo "==> $name"
  local start=$SECONDS
  if "$@"; then
    echo "    ok ($((SECONDS - start)) s)"
  else
    echo "    FAILED: $name"
    failed+=("$name")
  fi
}

step "lint (ruff, workflows)" make --no-print-directory lint
step "sources and citations" "$bin/python" -m bilingue check --no-claims
step "English versions" "$bin/python" -m bilingue translate --check --pull-request
# The step above judged the English: `off` builds a page that has none from its French.
step "strict build" env BILINGUE_MODE=off NO_MKDOCS_2_WARNING=1 "$bin/mkdocs" build --strict --quiet

if ((${#failed[@]})); then
  echo "make check: ${#failed[@]} step(s) failed: ${failed[*]}"
  exit 1
fi
echo "make check: all passed (numbers without a source: python -m bilingue check)"

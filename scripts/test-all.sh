#!/usr/bin/env bash
# THE test command (README): on a fresh clone it installs what is needed and runs the whole suite:
# system packages, npm packages (from the lockfile), lint, type-check, unit/integration/component
# tests, and the end-to-end tests in Chromium. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Tests are pinned to the users' time zone and locale (design.md: Style).
export TZ=Europe/Amsterdam LANG=nl_NL.UTF-8
started=$SECONDS
current="start"

step() {
  current="$1"
  printf '\n==> %s\n' "$1"
}
summary() {
  local rc=$? secs=$((SECONDS - started))
  [[ -d .test-results ]] && node scripts/test-summary.mjs || true
  if [[ $rc -eq 0 ]]; then
    printf '\n==> ALLE TESTS GESLAAGD / ALL TESTS PASSED (%ss)\n' "$secs"
  else
    printf '\n==> MISLUKT bij / FAILED at: %s (exit %s, %ss)\n' "$current" "$rc" "$secs" >&2
  fi
}
trap summary EXIT

step "Systeempakketten / system packages (chromium, poppler-utils, xvfb, postgresql)"
bash scripts/ensure-system-deps.sh

step "npm-pakketten / npm packages"
# npm ci installs exactly the lockfile (never changes it). Skipped on a developer machine whose
# node_modules is newer than the lockfile; always run in CI.
if [[ "${CI:-}" == "true" || ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules is bijgewerkt / up to date: npm ci overgeslagen / skipped"
fi

step "npm test: lint, typecheck, unit/integration/component, end-to-end"
rm -rf .test-results
npm test

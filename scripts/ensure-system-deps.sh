#!/usr/bin/env bash
# Installs the system packages the test suite needs, when they are missing:
#   chromium      end-to-end tests (Playwright drives the system Chromium; no browser download)
#   poppler-utils pdftotext, to read back generated PDF documents in tests
#   xvfb          xvfb-run, a virtual display for tests of the Electron window
#   postgresql    the store's integration tests also run on a throw-away PostgreSQL cluster
# As root it uses apt-get; otherwise `sudo -n` (never a password prompt). When neither works it
# says so loudly, and fails under CI=true (a CI run without these would skip tests silently).
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[[ -x "$chromium_path" ]] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "Systeempakketten aanwezig / system packages present: chromium, poppler-utils, xvfb, postgresql"
  exit 0
fi

echo "Ontbrekende systeempakketten / missing system packages: ${missing[*]}"
install() {
  "$@" apt-get update
  "$@" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}
if [[ $(id -u) -eq 0 ]]; then
  install
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  install sudo -n
else
  cat >&2 <<MSG
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
!! Kan ${missing[*]} niet installeren: geen root en geen sudo zonder wachtwoord.
!! Cannot install ${missing[*]}: not root and no password-less sudo.
!! Installeer zelf / install yourself:
!!   sudo apt-get install -y chromium poppler-utils xvfb postgresql
!! Zonder Chromium of PostgreSQL worden die tests overgeslagen (behalve met CI=true).
!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
MSG
  [[ "${CI:-}" == "true" ]] && exit 1
  exit 0
fi
echo "Systeempakketten geïnstalleerd / system packages installed: ${missing[*]}"

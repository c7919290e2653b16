#!/usr/bin/env bash
# Make sure Debian's chromium is available for the browser tests.
# Installs it with apt-get when running as root; otherwise explains what to do.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium installeren (Debian-pakket) voor de browsertests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium ontbreekt: installeer het pakket 'chromium' (bv. sudo apt-get install chromium)." >&2
echo "Zonder Chromium worden de browsertests overgeslagen (in CI zijn ze verplicht)." >&2
exit 0

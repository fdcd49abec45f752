#!/usr/bin/env bash
# Makes sure the browser the end-to-end tests drive is present: Debian's chromium at
# /usr/bin/chromium (or $CHROMIUM_PATH). Installs it with apt-get when running as root;
# otherwise stops and says exactly what to install.
set -euo pipefail

chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
if [[ -x $chromium_path ]]; then
  exit 0
fi

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "Chromium is missing: installing Debian's chromium package with apt-get…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  [[ -x $chromium_path ]] && exit 0
fi

cat >&2 <<MSG
The end-to-end tests need Chromium at $chromium_path, and it is not installed.
Install it, then run the tests again:

    sudo apt-get install -y chromium          # Debian / Ubuntu

or point CHROMIUM_PATH at an existing Chromium or Chrome binary:

    CHROMIUM_PATH=/path/to/chromium npm test
MSG
exit 1

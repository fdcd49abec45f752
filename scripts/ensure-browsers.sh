#!/usr/bin/env bash
# Makes sure the browsers the end-to-end tests drive are present: Debian's chromium at
# /usr/bin/chromium (or $CHROMIUM_PATH) and firefox-esr at /usr/bin/firefox-esr (or $FIREFOX_PATH).
# Installs what is missing with apt-get when running as root; otherwise stops and says exactly
# what to install.
set -euo pipefail

chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
firefox_path=${FIREFOX_PATH:-/usr/bin/firefox-esr}
missing=()
[[ -x $chromium_path ]] || missing+=(chromium)
[[ -x $firefox_path ]] || missing+=(firefox-esr)
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing the browsers the tests need with apt-get: ${missing[*]}…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  [[ -x $chromium_path && -x $firefox_path ]] && exit 0
fi

cat >&2 <<MSG
The end-to-end tests need Chromium ($chromium_path) and Firefox ESR ($firefox_path);
missing: ${missing[*]}. Install them, then run the tests again:

    sudo apt-get install -y ${missing[*]}          # Debian / Ubuntu

or point CHROMIUM_PATH / FIREFOX_PATH at existing binaries:

    CHROMIUM_PATH=/path/to/chromium FIREFOX_PATH=/path/to/firefox npm test
MSG
exit 1

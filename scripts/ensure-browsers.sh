#!/usr/bin/env bash
# Makes sure what the end-to-end tests drive is present: Debian's chromium at /usr/bin/chromium
# (or $CHROMIUM_PATH) and firefox-esr at /usr/bin/firefox-esr (or $FIREFOX_PATH), and the network
# tools they run inside the test namespace: nft (nftables, the outage tests) and turnserver
# (coturn, the relay tests).
# Installs what is missing with apt-get when running as root; otherwise stops and says exactly
# what to install.
set -euo pipefail

chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}
firefox_path=${FIREFOX_PATH:-/usr/bin/firefox-esr}
missing=()
[[ -x $chromium_path ]] || missing+=(chromium)
[[ -x $firefox_path ]] || missing+=(firefox-esr)
command -v nft >/dev/null || [[ -x /usr/sbin/nft ]] || missing+=(nftables)
command -v turnserver >/dev/null || [[ -x /usr/bin/turnserver ]] || missing+=(coturn)
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing the browsers the tests need with apt-get: ${missing[*]}…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
  [[ -x $chromium_path && -x $firefox_path ]] && command -v nft >/dev/null && command -v turnserver >/dev/null && exit 0
fi

cat >&2 <<MSG
The end-to-end tests need Chromium ($chromium_path), Firefox ESR ($firefox_path), nftables and
coturn; missing: ${missing[*]}. Install them, then run the tests again:

    sudo apt-get install -y ${missing[*]}          # Debian / Ubuntu

or point CHROMIUM_PATH / FIREFOX_PATH at existing binaries:

    CHROMIUM_PATH=/path/to/chromium FIREFOX_PATH=/path/to/firefox npm test
MSG
exit 1

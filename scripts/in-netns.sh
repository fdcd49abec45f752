#!/usr/bin/env bash
# Runs a command inside a private network namespace so that no test packet leaves the machine.
# Inside: loopback, and lan0 (10.99.0.2/24) paired with lanpeer; no default route ("lan" shape).
# Tests switch to other shapes themselves (see test/support/launch/network.ts).
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi

setup='ip link set lo up &&
  ip link add lan0 type veth peer name lanpeer &&
  ip addr add 10.99.0.2/24 dev lan0 &&
  ip link set lanpeer up && ip link set lan0 up &&
  exec "$@"'

if [[ $(id -u) -eq 0 ]]; then
  exec unshare --net -- bash -c "$setup" netns "$@"
fi
# Without root, a user namespace maps us to root inside it, which is enough for a private network.
exec unshare --user --map-root-user --net -- bash -c "$setup" netns "$@"

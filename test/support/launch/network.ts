import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Network shapes inside the test namespace (scripts/in-netns.sh), as measured in TESTBED.md:
 * - lan: lan0 up, no default route; DNS and STUN fail at once.
 * - lan-deadgw: a default route through a gateway that never answers; DNS and STUN time out,
 *   like an offline LAN whose router has no uplink.
 */
export type NetworkShape = 'lan' | 'lan-deadgw';

const GATEWAY = '10.99.0.1';

export function setNetworkShape(shape: NetworkShape): void {
  assertInsideTestNamespace();
  ip('route', 'del', 'default');
  if (shape === 'lan-deadgw') {
    const mac = /link\/ether (\S+)/.exec(execFileSync('ip', ['-o', 'link', 'show', 'lanpeer'], { encoding: 'utf8' }))?.[1];
    if (!mac) throw new Error('lanpeer has no MAC address');
    ip('neigh', 'replace', GATEWAY, 'lladdr', mac, 'dev', 'lan0', 'nud', 'permanent');
    ip('route', 'replace', 'default', 'via', GATEWAY, 'dev', 'lan0');
  }
}

/** Refuses to run browsers on the host network, where test packets would leave the machine. */
export function assertInsideTestNamespace(): void {
  // /proc/net/dev lists the interfaces of this process's own network namespace (unlike /sys).
  if (!/^\s*lanpeer:/m.test(readFileSync('/proc/net/dev', 'utf8'))) {
    throw new Error('E2E tests must run inside the test network namespace: use `npm test` or scripts/in-netns.sh.');
  }
}

function ip(...args: string[]): void {
  try {
    execFileSync('ip', args, { stdio: 'ignore' });
  } catch {
    // Deleting a route that is not there fails harmlessly.
  }
}

import { execFileSync } from 'node:child_process';
import { assertInsideTestNamespace } from './network.ts';

/**
 * A network outage inside the test namespace: every UDP packet dropped (ICE, DTLS and SCTP all
 * ride on UDP), with nftables as TESTBED.md measured. Everything else (the page's HTTP server,
 * the test's own control of the browsers) goes on.
 */
const TABLE = 'p2p_outage';

export function dropAllUdp(): void {
  assertInsideTestNamespace();
  nft('add', 'table', 'inet', TABLE);
  nft('add', 'chain', 'inet', TABLE, 'in', '{ type filter hook input priority 0; }');
  nft('add', 'rule', 'inet', TABLE, 'in', 'meta', 'l4proto', 'udp', 'drop');
}

export function allowUdpAgain(): void {
  nft('delete', 'table', 'inet', TABLE);
}

/** For afterEach: a failed test must not leave the next one without a network. */
export function endAnyOutage(): void {
  try {
    allowUdpAgain();
  } catch {
    // No outage was running.
  }
}

function nft(...args: string[]): void {
  execFileSync('nft', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

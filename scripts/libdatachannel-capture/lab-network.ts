import { execFileSync } from 'node:child_process';
import { startStunServer, type StunServer } from '../../test/support/launch/stun-server.ts';
import { startTurnServer, type TurnServer } from '../../test/support/launch/turn-server.ts';

/** The addresses of the browser corpus's lab: STUN on 10.99.0.3, TURN on 10.99.0.4, NAT to 203.0.113.7. */
export const STUN_HOST = '10.99.0.3';
export const TURN_HOST = '10.99.0.4';
export const NAT_ADDRESS = '203.0.113.7';
export const LAN = 'lan: lan0 10.99.0.2/24, no default route (private netns)';
export const SERVERS = `${LAN}; STUN ${STUN_HOST} (answers ${NAT_ADDRESS}, a port-keeping NAT), TURN ${TURN_HOST} (coturn) on lo, reached from 10.99.0.2`;
export const TWO_INTERFACES = `${LAN} + lan1 192.168.77.2/24 + lan0 IPv6 fd00:99::2/64, 2001:db8:99::2/64 (nodad)`;

export interface LabServers {
  readonly stun: StunServer;
  readonly turn: TurnServer;
  close(): Promise<void>;
}

/**
 * The servers live on lo, which libdatachannel never gathers, so they add no host candidate. The
 * local routes make 10.99.0.2 the source of what is sent to them: they see the peer as a LAN
 * host would, not as a loopback one. coturn thus reports the host address itself (no NAT), and
 * the STUN server the NAT's.
 */
export async function startLabServers(): Promise<LabServers> {
  for (const address of [STUN_HOST, TURN_HOST]) {
    ip('addr', 'add', `${address}/32`, 'dev', 'lo');
    ip('route', 'replace', 'local', address, 'dev', 'lo', 'table', 'local', 'scope', 'host', 'src', '10.99.0.2');
  }
  const stun = await startStunServer({ host: STUN_HOST, mappedAddress: NAT_ADDRESS });
  const turn = await startTurnServer({ host: TURN_HOST });
  return { stun, turn, close: async () => void (await Promise.all([stun.close(), turn.close()])) };
}

/** The corpus's 2if-ipv6 shape: a second LAN interface, and IPv6 addresses on the first. */
export function addSecondInterfaceAndIpv6(): void {
  ip('link', 'add', 'lan1', 'type', 'veth', 'peer', 'name', 'lan1peer');
  ip('addr', 'add', '192.168.77.2/24', 'dev', 'lan1');
  ip('link', 'set', 'lan1peer', 'up');
  ip('link', 'set', 'lan1', 'up');
  ip('-6', 'addr', 'add', 'fd00:99::2/64', 'dev', 'lan0', 'nodad');
  ip('-6', 'addr', 'add', '2001:db8:99::2/64', 'dev', 'lan0', 'nodad');
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: 'inherit' });
}

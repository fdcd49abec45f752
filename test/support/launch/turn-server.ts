import { spawn, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { assertInsideTestNamespace } from './network.ts';

export interface TurnServer {
  /** For the page's ICE server list, e.g. turn:10.99.0.2:3478. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  close(): Promise<void>;
}

const BINDING_REQUEST = 0x0001;
const MAGIC_COOKIE = 0x2112a442;

/**
 * Debian's coturn (`turnserver`) inside the test namespace, UDP only, with one long-term
 * credential (TESTBED.md). Resolves once it answers a STUN Binding request on its port, so a
 * page set up right after can allocate at once.
 */
export async function startTurnServer(options: { host?: string; port?: number } = {}): Promise<TurnServer> {
  assertInsideTestNamespace();
  const { host = '10.99.0.2', port = 3478 } = options;
  if (spawnSync('turnserver', ['-h'], { stdio: 'ignore' }).error) {
    throw new Error('The relay tests need coturn\'s turnserver: `sudo apt-get install -y coturn` (Debian / Ubuntu).');
  }
  const [username, password] = ['alice', 'wonderland'];
  const args = [
    ...['-n', `--listening-ip=${host}`, `--relay-ip=${host}`, `--listening-port=${port}`],
    ...['--lt-cred-mech', `--user=${username}:${password}`, '--realm=test'],
    ...['--no-tls', '--no-dtls', '--no-cli', '--log-file=stdout'],
  ];
  const server = spawn('turnserver', args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    await answersBinding(host, port, 5_000);
  } catch (error) {
    server.kill();
    throw error;
  }
  return {
    url: `turn:${host}:${port}`,
    username,
    password,
    close: async () => {
      server.kill();
      await exited;
    },
  };
}

/** Sends STUN Binding requests every 100 ms until one is answered. */
async function answersBinding(host: string, port: number, timeoutMs: number): Promise<void> {
  const socket = createSocket('udp4');
  const request = Buffer.alloc(20);
  request.writeUInt16BE(BINDING_REQUEST, 0);
  request.writeUInt32BE(MAGIC_COOKIE, 4);
  randomBytes(12).copy(request, 8);
  try {
    await new Promise<void>((resolve, reject) => {
      const retry = setInterval(() => socket.send(request, port, host), 100);
      const giveUp = setTimeout(() => {
        clearInterval(retry);
        reject(new Error(`turnserver did not answer on ${host}:${port} within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('message', () => {
        clearInterval(retry);
        clearTimeout(giveUp);
        resolve();
      });
      socket.send(request, port, host);
    });
  } finally {
    socket.close();
  }
}

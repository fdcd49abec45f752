import { createSocket, type RemoteInfo } from 'node:dgram';
import { assertInsideTestNamespace } from './network.ts';

/** RFC 5389: every STUN message carries this cookie; XOR-MAPPED-ADDRESS is masked with it. */
const MAGIC_COOKIE = 0x2112a442;
const HEADER_BYTES = 20;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const MAPPED_ADDRESS = 0x0001;
const XOR_MAPPED_ADDRESS = 0x0020;

export interface StunServer {
  /** For the page's ICE server list, e.g. stun:10.99.0.2:3478. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A STUN server (Binding only, IPv4, no authentication: what browsers ask a STUN server) inside
 * the test namespace, that answers each request after `delayMs`. A real server answers after a
 * round trip, so the browser's server-reflexive candidate comes after its host candidates; the
 * delay makes that gap long enough for a test to act in it. Inside the namespace the reflexive
 * address equals the host address; Chromium 156 and Firefox 153 still report it while they hide
 * host addresses behind mDNS names (no camera permission). `mappedAddress` plays a NAT that keeps
 * ports: it is reported instead of the sender's address, so the reflexive candidate differs from
 * the host one as it does behind a real NAT.
 */
export async function startStunServer(
  options: { host?: string; port?: number; delayMs?: number; mappedAddress?: string } = {},
): Promise<StunServer> {
  assertInsideTestNamespace();
  const { host = '10.99.0.2', port = 3478, delayMs = 0, mappedAddress } = options;
  const socket = createSocket('udp4');
  const pending = new Set<ReturnType<typeof setTimeout>>();
  socket.on('message', (request, from) => {
    const response = bindingResponse(request, mappedAddress ? { ...from, address: mappedAddress } : from);
    if (!response) return;
    const timer = setTimeout(() => {
      pending.delete(timer);
      socket.send(response, from.port, from.address);
    }, delayMs);
    pending.add(timer);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => resolve());
  });
  return {
    url: `stun:${host}:${port}`,
    close: () => {
      for (const timer of pending) clearTimeout(timer);
      return new Promise((resolve) => socket.close(() => resolve()));
    },
  };
}

/** The success response to a Binding request, naming the address it came from; undefined for anything else. */
function bindingResponse(request: Buffer, from: RemoteInfo): Buffer | undefined {
  if (request.length < HEADER_BYTES || request.readUInt16BE(0) !== BINDING_REQUEST) return undefined;
  if (request.readUInt32BE(4) !== MAGIC_COOKIE || from.family !== 'IPv4') return undefined;
  const octets = from.address.split('.').map(Number);
  const address = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  const attributes = Buffer.concat([
    addressAttribute(XOR_MAPPED_ADDRESS, from.port ^ (MAGIC_COOKIE >>> 16), (address ^ MAGIC_COOKIE) >>> 0),
    // Older clients read only the plain form.
    addressAttribute(MAPPED_ADDRESS, from.port, address),
  ]);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt16BE(BINDING_SUCCESS, 0);
  header.writeUInt16BE(attributes.length, 2);
  request.copy(header, 4, 4, HEADER_BYTES); // the cookie and the request's transaction id
  return Buffer.concat([header, attributes]);
}

function addressAttribute(type: number, port: number, address: number): Buffer {
  const attribute = Buffer.alloc(12);
  attribute.writeUInt16BE(type, 0);
  attribute.writeUInt16BE(8, 2);
  attribute.writeUInt8(0x01, 5); // family: IPv4
  attribute.writeUInt16BE(port, 6);
  attribute.writeUInt32BE(address, 8);
  return attribute;
}

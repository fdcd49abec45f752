/**
 * The fields of one `a=candidate:` value (RFC 8839 §5.1, RFC 6544 §4.5 for tcptype):
 *
 *   foundation component transport priority address port typ type
 *     [raddr address rport port] [tcptype active|passive|so] [name value]…
 */
export interface CandidateLine {
  readonly foundation: string;
  readonly component: number;
  /** Lower case: Chromium writes `udp`, Firefox `UDP`. */
  readonly protocol: 'udp' | 'tcp';
  readonly priority: number;
  readonly address: string;
  readonly port: number;
  readonly type: string;
  readonly relatedAddress?: string | undefined;
  readonly relatedPort?: number | undefined;
  readonly tcpType?: string | undefined;
  /** Other name/value pairs, such as Chromium's `generation`, `network-id` and `network-cost`. */
  readonly extensions: ReadonlyMap<string, string>;
}

const UINT32_MAX = 2 ** 32 - 1;

/** Parses the text after `a=candidate:`; undefined when it is not a well-formed candidate. */
export function parseCandidateLine(value: string): CandidateLine | undefined {
  const tokens = value.split(' ');
  const [foundation, component, protocol, priority, address, port, typ, type, ...rest] = tokens;
  if (!foundation || !/^[A-Za-z0-9+/]{1,32}$/.test(foundation) || typ !== 'typ' || !type || !address) return undefined;
  const lowerProtocol = protocol?.toLowerCase();
  if (lowerProtocol !== 'udp' && lowerProtocol !== 'tcp') return undefined;
  const numbers = [component, priority, port].map(parseUint);
  const [componentNumber, priorityNumber, portNumber] = numbers;
  if (componentNumber === undefined || priorityNumber === undefined || portNumber === undefined) return undefined;
  if (componentNumber < 1 || componentNumber > 256 || priorityNumber > UINT32_MAX || portNumber > 0xffff) return undefined;
  if (rest.length % 2 !== 0) return undefined;

  const pairs = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    if (!rest[i] || !rest[i + 1] || pairs.has(rest[i]!)) return undefined;
    pairs.set(rest[i]!, rest[i + 1]!);
  }
  const relatedPort = pairs.has('rport') ? parseUint(pairs.get('rport')!) : undefined;
  if (pairs.has('rport') && (relatedPort === undefined || relatedPort > 0xffff)) return undefined;
  if (pairs.has('raddr') !== pairs.has('rport')) return undefined;
  const extensions = new Map([...pairs].filter(([name]) => !['raddr', 'rport', 'tcptype'].includes(name)));
  return {
    foundation,
    component: componentNumber,
    protocol: lowerProtocol,
    priority: priorityNumber,
    address,
    port: portNumber,
    type,
    relatedAddress: pairs.get('raddr'),
    relatedPort,
    tcpType: pairs.get('tcptype'),
    extensions,
  };
}

/** The text after `a=candidate:`, in the order Chromium writes the fields. */
export function formatCandidateLine(candidate: CandidateLine): string {
  const { foundation, component, protocol, priority, address, port, type } = candidate;
  let line = `${foundation} ${component} ${protocol} ${priority} ${address} ${port} typ ${type}`;
  if (candidate.relatedAddress !== undefined) line += ` raddr ${candidate.relatedAddress} rport ${candidate.relatedPort}`;
  if (candidate.tcpType !== undefined) line += ` tcptype ${candidate.tcpType}`;
  for (const [name, value] of candidate.extensions) line += ` ${name} ${value}`;
  return line;
}

/** A decimal of at most 10 digits (any 32-bit unsigned value), else undefined. */
export function parseUint(text: string | undefined): number | undefined {
  return text !== undefined && /^\d{1,10}$/.test(text) ? Number(text) : undefined;
}

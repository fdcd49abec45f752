import type { IceServerEntry } from './ice-urls.ts';

/**
 * What can be wrong with one ICE server as typed (RFC 7064 stun/stuns, RFC 7065 turn/turns URIs);
 * the UI words each one. Checked before anything reaches the browser, whose constructor throws on
 * most of them (and on a TURN server without credentials) and would break every connection.
 */
export const ICE_SERVER_PROBLEMS = [
  'too-long',
  'bad-scheme',
  'bad-host',
  'bad-port',
  'bad-query',
  'missing-username',
  'missing-password',
] as const;
export type IceServerProblem = (typeof ICE_SERVER_PROBLEMS)[number];

/** Longer than any real URL, user name or password; keeps a pasted megabyte out of the settings. */
export const MAX_ICE_FIELD_CHARS = 1024;

const SCHEMES = new Set(['stun', 'stuns', 'turn', 'turns']);
const TURN_QUERIES = new Set(['transport=udp', 'transport=tcp']);
const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;

/** Every problem of one server, in the order of the fields; none when it can be used. */
export function iceServerProblems(entry: IceServerEntry): IceServerProblem[] {
  const { urls, username = '', credential = '' } = entry;
  const colon = urls.indexOf(':');
  const scheme = urls.slice(0, colon);
  const turn = scheme.startsWith('turn');
  // A STUN server's credentials are never used (usedFields drops them), so they cannot be wrong.
  const fields = turn ? [urls, username, credential] : [urls];
  if (fields.some((field) => field.length > MAX_ICE_FIELD_CHARS)) return ['too-long'];
  if (colon < 0 || !SCHEMES.has(scheme)) return ['bad-scheme'];
  const rest = urls.slice(colon + 1);
  const question = rest.indexOf('?');
  const problems = hostPortProblems(question < 0 ? rest : rest.slice(0, question));
  if (question >= 0 && !(turn && TURN_QUERIES.has(rest.slice(question + 1)))) problems.push('bad-query');
  if (turn && username === '') problems.push('missing-username');
  if (turn && credential === '') problems.push('missing-password');
  return problems;
}

export function isUsableIceServer(entry: IceServerEntry): boolean {
  return iceServerProblems(entry).length === 0;
}

/** host [":" port], where host is a name, an IPv4 address or a bracketed IPv6 address. */
function hostPortProblems(hostPort: string): IceServerProblem[] {
  let host: string;
  let port: string | undefined;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) return ['bad-host'];
    host = hostPort.slice(0, close + 1);
    const after = hostPort.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return ['bad-host'];
    port = after === '' ? undefined : after.slice(1);
  } else {
    const colon = hostPort.indexOf(':');
    host = colon < 0 ? hostPort : hostPort.slice(0, colon);
    port = colon < 0 ? undefined : hostPort.slice(colon + 1);
  }
  const problems: IceServerProblem[] = [];
  if (!isHost(host)) problems.push('bad-host');
  if (port !== undefined && !isPort(port)) problems.push('bad-port');
  return problems;
}

function isHost(host: string): boolean {
  if (host.startsWith('[')) return host.endsWith(']') && isIpv6(host.slice(1, -1));
  const labels = (host.endsWith('.') ? host.slice(0, -1) : host).split('.');
  if (host.length > 253 || !labels.every((label) => LABEL.test(label))) return false;
  // All digits is meant as an IPv4 address, and must be one.
  return !labels.every((label) => /^\d+$/.test(label)) || isIpv4(labels);
}

function isIpv4(parts: readonly string[]): boolean {
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

/** RFC 4291 text: up to 8 groups of 1–4 hex digits, one `::` at most, an IPv4 address last. No zone. */
function isIpv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const all = groups.flat();
  const last = all.at(-1);
  const embeddedIpv4 = last !== undefined && last.includes('.');
  if (embeddedIpv4 && !isIpv4(last.split('.'))) return false;
  const hexGroups = embeddedIpv4 ? all.slice(0, -1) : all;
  if (!hexGroups.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  const width = hexGroups.length + (embeddedIpv4 ? 2 : 0);
  return halves.length === 2 ? width <= 7 : width === 8;
}

function isPort(text: string): boolean {
  return /^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65_535;
}

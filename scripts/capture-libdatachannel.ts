/**
 * Captures libdatachannel's (npm node-datachannel) offers and answers into test/fixtures/sdp and
 * adds them to its index.json. Run inside the test namespace, so that the addresses are the lab's:
 *
 *   bash scripts/in-netns.sh npx tsx scripts/capture-libdatachannel.ts
 *
 * Data channel only, no ICE servers (offline, STUN and TURN are moot). Pairs of libdatachannel
 * peers are connected and exchange a message before they are saved; libdatachannel also answers
 * two browser offers from the corpus (those answers are not connected: no browser runs here).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { gatheredDescription, libdatachannelPeer, pingPong } from '../test/core/signal/libdatachannel-peers.ts';

const DIR = new URL('../test/fixtures/sdp/', import.meta.url);
const PACKAGE = JSON.parse(readFileSync(new URL('../node_modules/node-datachannel/package.json', import.meta.url), 'utf8'));
/** The libdatachannel release node-datachannel builds on (its CMakeLists.txt GIT_TAG). */
const LIBDATACHANNEL = /GIT_TAG "v([\d.]+)"/.exec(
  readFileSync(new URL('../node_modules/node-datachannel/CMakeLists.txt', import.meta.url), 'utf8'),
)![1]!;
const LAN = 'lan: lan0 10.99.0.2/24, no default route (private netns)';
const TWO_INTERFACES = `${LAN} + lan1 192.168.77.2/24 + lan0 IPv6 fd00:99::2/64, 2001:db8:99::2/64 (nodad)`;

type Entry = Record<string, unknown> & { file: string };

if (!/^\s*lanpeer:/m.test(readFileSync('/proc/net/dev', 'utf8'))) {
  throw new Error('run inside the test namespace: bash scripts/in-netns.sh npx tsx scripts/capture-libdatachannel.ts');
}
const entries: Entry[] = [
  ...(await connectedPair('ip', 'data-only, host candidates on every interface but loopback', LAN)),
  ...(await connectedPair('loopback', 'data-only, bindAddress 127.0.0.1: one host candidate on loopback', LAN, '127.0.0.1')),
  await answerTo('chromium156-offer-data-ip.sdp', 'chromium-offer'),
  await answerTo('firefox153-offer-data-ip.sdp', 'firefox-offer'),
];
addSecondInterfaceAndIpv6();
entries.push(...(await connectedPair('ip-2if-ipv6', 'data-only, 2 LAN interfaces + IPv6 (ULA + 2001:db8)', TWO_INTERFACES)));

const indexUrl = new URL('index.json', DIR);
const index = JSON.parse(readFileSync(indexUrl, 'utf8')) as { files: Entry[] };
index.files = [...index.files.filter((entry) => !entry.file.startsWith('libdatachannel-')), ...entries];
writeFileSync(indexUrl, `${JSON.stringify(index, null, 2)}\n`);
for (const entry of entries) console.log(`${entry.file}: ${String(entry['chars'])} chars`);

interface Scenario {
  readonly scenario: string;
  readonly contains: string;
  readonly network: string;
  readonly bindAddress: string | undefined;
}

/** A libdatachannel offer answered by another libdatachannel peer; both saved once connected. */
async function connectedPair(scenario: string, contains: string, network: string, bindAddress?: string): Promise<Entry[]> {
  const [offerer, answerer] = [libdatachannelPeer(bindAddress), libdatachannelPeer(bindAddress)];
  try {
    const channel = offerer.createDataChannel('control');
    const offerStart = Date.now();
    const offer = await gatheredDescription(offerer, 'offer');
    const offerMs = Date.now() - offerStart;
    await answerer.setRemoteDescription({ type: 'offer', sdp: offer });
    const answerStart = Date.now();
    const answer = await gatheredDescription(answerer, 'answer');
    const answerMs = Date.now() - answerStart;
    await offerer.setRemoteDescription({ type: 'answer', sdp: answer });
    const messages = await pingPong(channel, answerer, 10_000);
    const connected = messages.answererGot === 'ping' && messages.offererGot === 'pong';
    const [offerFile, answerFile] = ['offer', 'answer'].map((kind) => `libdatachannel-${kind}-data-${scenario}.sdp`);
    const shape: Scenario = { scenario, contains, network, bindAddress };
    return [
      save(offerFile, 'offer', offer, offerMs, shape, answerFile, { verify: { libdatachannelAnswered: true } }),
      save(answerFile, 'answer', answer, answerMs, shape, offerFile, { acceptedByOfferer: true, connected }),
    ];
  } finally {
    offerer.close();
    answerer.close();
  }
}

/** libdatachannel's answer to a captured browser offer (not connected: the browser is not here). */
async function answerTo(offerFile: string, scenario: string): Promise<Entry> {
  const answerer = libdatachannelPeer();
  try {
    await answerer.setRemoteDescription({ type: 'offer', sdp: readFileSync(new URL(offerFile, DIR), 'utf8') });
    const start = Date.now();
    const answer = await gatheredDescription(answerer, 'answer');
    const contains = `data-only, host candidates, answering the captured ${offerFile}`;
    const shape: Scenario = { scenario, contains, network: LAN, bindAddress: undefined };
    return save(`libdatachannel-answer-data-ip-${scenario}.sdp`, 'answer', answer, Date.now() - start, shape, offerFile, {
      acceptedByOfferer: 'not checked here: test/e2e/codec.e2e.test.ts applies the rebuilt answer in both browsers',
      connected: false,
    });
  } finally {
    answerer.close();
  }
}

/** Writes the .sdp verbatim and describes it with the fields, in the order, of the browsers' entries. */
function save(
  file: string,
  kind: 'offer' | 'answer',
  sdp: string,
  ms: number,
  shape: Scenario,
  pairedWith: string,
  outcome: Record<string, unknown>,
): Entry {
  writeFileSync(new URL(file, DIR), sdp);
  return {
    file,
    browser: 'libdatachannel',
    version: `${LIBDATACHANNEL} (node-datachannel ${PACKAGE.version as string})`,
    kind,
    media: 'data-only',
    mLines: sdp.match(/^m=(\S+)/gm)!.map((line) => line.slice(2)),
    chars: sdp.length,
    scenario: shape.scenario,
    contains: shape.contains,
    hostCandidates: 'raw IPs (libdatachannel has no mDNS names)',
    permission: 'none (Node)',
    network: shape.network,
    iceServers: 'none',
    bindAddress: shape.bindAddress ?? 'none',
    candidates: candidateSummary(sdp),
    gathering: { mode: 'non-trickle (full localDescription after gathering)', complete: true, ms },
    pairedWith,
    ...outcome,
    generator: 'scripts/capture-libdatachannel.ts (in scripts/in-netns.sh)',
  };
}

function candidateSummary(sdp: string): Record<string, unknown> {
  const list = [...sdp.matchAll(/^a=candidate:\S+ \d+ (\S+) \d+ (\S+) \d+ typ (\S+)(?: .*?tcptype (\S+))?/gm)].map(
    ([, protocol, address, type, tcpType]) =>
      `${type} ${protocol!.toLowerCase()}${tcpType ? `/${tcpType}` : ''} ${addressKind(address!)}`,
  );
  const field = (i: number): string[] => [...new Set(list.map((item) => item.split(' ')[i]!))].sort();
  return {
    count: list.length,
    types: field(0),
    protocols: field(1),
    addressKinds: field(2),
    relatedAddressKinds: [],
    list,
    endOfCandidates: /^a=end-of-candidates/m.test(sdp),
  };
}

function addressKind(address: string): string {
  if (address.startsWith('127.')) return 'ipv4-loopback';
  if (/^(10\.|192\.168\.)/.test(address)) return 'ipv4-private';
  if (/^(192\.0\.2|198\.51\.100|203\.0\.113)\./.test(address)) return 'ipv4-doc';
  if (/^f[cd]/i.test(address)) return 'ipv6-ula';
  if (/^2001:db8:/i.test(address)) return 'ipv6-doc';
  return address.includes(':') ? 'ipv6' : 'ipv4';
}

/** The corpus's 2if-ipv6 shape: a second LAN interface, and IPv6 addresses on the first. */
function addSecondInterfaceAndIpv6(): void {
  const ip = (...args: string[]): void => void execFileSync('ip', args, { stdio: 'inherit' });
  ip('link', 'add', 'lan1', 'type', 'veth', 'peer', 'name', 'lan1peer');
  ip('addr', 'add', '192.168.77.2/24', 'dev', 'lan1');
  ip('link', 'set', 'lan1peer', 'up');
  ip('link', 'set', 'lan1', 'up');
  ip('-6', 'addr', 'add', 'fd00:99::2/64', 'dev', 'lan0', 'nodad');
  ip('-6', 'addr', 'add', '2001:db8:99::2/64', 'dev', 'lan0', 'nodad');
}

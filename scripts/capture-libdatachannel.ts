/**
 * Captures libdatachannel's (npm node-datachannel) offers and answers into test/fixtures/sdp and
 * adds them to its index.json. Run inside the test namespace, so that the addresses are the lab's:
 *
 *   flock /tmp/p2p-browser.lock bash scripts/in-netns.sh npx tsx scripts/capture-libdatachannel.ts
 *
 * Data channel only, in every configuration the CLI can make (src/core/settings rtcConfiguration
 * plus a bind address and a lasting certificate): no ICE servers, STUN (srflx), TURN (relay),
 * relay only, a PEM certificate, loopback, two interfaces with IPv6. Pairs of libdatachannel
 * peers connect and exchange a message before they are saved; libdatachannel also answers every
 * data-only browser offer of the corpus (not connected: no browser runs here). Needs coturn.
 *
 * Captures already in index.json are kept as they are (test/fixtures/blobs holds blobs made from
 * them, which must keep decoding to them); `--recapture` replaces them all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { RTCPeerConnection } from 'node-datachannel/polyfill';
import { pemCertificate, withPemFiles } from '../test/helpers/pem-certificate.ts';
import { gatheredDescription, pingPong } from '../test/core/signal/libdatachannel-peers.ts';
import { DIR, save, type Entry, type Scenario } from './libdatachannel-capture/fixture-entry.ts';
import { addSecondInterfaceAndIpv6, LAN, SERVERS, startLabServers, TWO_INTERFACES } from './libdatachannel-capture/lab-network.ts';

if (!/^\s*lanpeer:/m.test(readFileSync('/proc/net/dev', 'utf8'))) {
  throw new Error('run inside the test namespace: bash scripts/in-netns.sh npx tsx scripts/capture-libdatachannel.ts');
}
type Setup = Omit<Scenario, 'scenario' | 'contains'> & { readonly config: RTCConfiguration };
const EPHEMERAL = 'a new one per connection (the polyfill default)';
const PEM = 'pemCertificate(): openssl ECDSA P-256 PEM files, as the CLI keeps (withPemFiles)';
const plain = (network = LAN): Setup => ({
  config: { iceServers: [] },
  network,
  iceServers: 'none',
  iceTransportPolicy: 'all',
  certificate: EPHEMERAL,
  bindAddress: undefined,
});

const indexUrl = new URL('index.json', DIR);
const index = JSON.parse(readFileSync(indexUrl, 'utf8')) as { files: Entry[] };
const RECAPTURE = process.argv.includes('--recapture');
const kept = new Map(index.files.filter((entry) => entry.file.startsWith('libdatachannel-')).map((entry) => [entry.file, entry]));
/** The index entries of `files` when every one of them is already captured (and kept). */
const alreadyCaptured = (...files: string[]): Entry[] | undefined =>
  RECAPTURE || !files.every((file) => kept.has(file)) ? undefined : files.map((file) => kept.get(file)!);

const servers = await startLabServers();
const stun = { urls: servers.stun.url };
const turn = { urls: servers.turn.url, username: servers.turn.username, credential: servers.turn.password };
const withServers = (iceServers: RTCIceServer[], relayOnly = false, network = SERVERS): Setup => ({
  ...plain(network),
  config: { iceServers, ...(relayOnly ? { iceTransportPolicy: 'relay' as const } : {}) },
  iceServers: iceServers.map((server) => server.urls).join(' + ') + (iceServers.includes(turn) ? ' (coturn, alice:wonderland)' : ''),
  iceTransportPolicy: relayOnly ? 'relay' : 'all',
});
const entries: Entry[] = [];
try {
  entries.push(
    ...(await connectedPair('ip', 'host candidates on every interface but loopback', plain())),
    ...(await connectedPair('loopback', 'bindAddress 127.0.0.1: one host candidate on loopback', { ...plain(), bindAddress: '127.0.0.1' })),
    ...(await connectedPair('ip-pem', 'host candidates, a lasting PEM certificate on each side', { ...plain(), certificate: PEM })),
    ...(await connectedPair('ip-srflx', 'host + srflx (STUN behind a port-keeping NAT)', withServers([stun]))),
    ...(await connectedPair('ip-relay', 'host + srflx + relay (TURN only, no NAT)', withServers([turn]))),
    ...(await connectedPair('ip-srflx-relay', 'host + srflx (NAT and TURN) + relay: STUN and TURN', withServers([stun, turn]))),
    ...(await connectedPair('relay-only', 'iceTransportPolicy relay: the relay candidate only', withServers([stun, turn], true))),
  );
  for (const offer of browserDataOffers()) entries.push(await answerTo(offer));
  addSecondInterfaceAndIpv6();
  const twoInterfaces = `2 LAN interfaces + IPv6 (ULA + 2001:db8)`;
  entries.push(
    ...(await connectedPair('ip-2if-ipv6', `host candidates, ${twoInterfaces}`, plain(TWO_INTERFACES))),
    ...(await connectedPair('ip-2if-ipv6-srflx-relay', `STUN and TURN, ${twoInterfaces}`, withServers([stun, turn], false, `${SERVERS}; ${TWO_INTERFACES}`))),
  );
} finally {
  await servers.close();
}

index.files = [...index.files.filter((entry) => !entry.file.startsWith('libdatachannel-')), ...entries];
writeFileSync(indexUrl, `${JSON.stringify(index, null, 2)}\n`);
for (const entry of entries) {
  const state = kept.get(entry.file) === entry ? 'kept' : `captured, connected ${String(entry['connected'] ?? '-')}`;
  console.log(`${entry.file}: ${String(entry['chars'])} chars, ${state}`);
}

function peer(setup: Setup): RTCPeerConnection {
  const certificates = setup.certificate === PEM ? { certificates: [pemCertificate()] } : {};
  const bind = setup.bindAddress === undefined ? {} : { bindAddress: setup.bindAddress };
  return new RTCPeerConnection({ ...withPemFiles({ ...setup.config, ...certificates }), ...bind } as RTCConfiguration);
}

/** A libdatachannel offer answered by another libdatachannel peer; both saved once connected. */
async function connectedPair(scenario: string, contains: string, setup: Setup): Promise<Entry[]> {
  const [offerFile, answerFile] = ['offer', 'answer'].map((kind) => `libdatachannel-${kind}-data-${scenario}.sdp`) as [string, string];
  const captured = alreadyCaptured(offerFile, answerFile);
  if (captured) return captured;
  const [offerer, answerer] = [peer(setup), peer(setup)];
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
    const shape: Scenario = { ...setup, scenario, contains: `data-only, ${contains}` };
    return [
      save(offerFile, 'offer', offer, offerMs, shape, answerFile, { verify: { libdatachannelAnswered: true } }),
      save(answerFile, 'answer', answer, answerMs, shape, offerFile, { acceptedByOfferer: true, connected }),
    ];
  } finally {
    offerer.close();
    answerer.close();
  }
}

/** The browsers' data-only offers, by file name (chromium156-offer-data-mdns-srflx.sdp …). */
function browserDataOffers(): string[] {
  const index = JSON.parse(readFileSync(new URL('index.json', DIR), 'utf8')) as { files: Entry[] };
  const offer = (entry: Entry): boolean => entry['kind'] === 'offer' && entry['media'] === 'data-only';
  return index.files.filter((entry) => offer(entry) && entry['browser'] !== 'libdatachannel').map((entry) => entry.file);
}

/**
 * libdatachannel's answer to a captured browser offer (not connected: the browser is not here).
 * The answer to chromium156-offer-data-ip.sdp is libdatachannel-answer-data-ip-chromium-offer.sdp,
 * to chromium156-offer-data-mdns-srflx.sdp …-chromium-offer-mdns-srflx.sdp.
 */
async function answerTo(offerFile: string): Promise<Entry> {
  const [, browser, offerScenario] = /^([a-z]+)\d+-offer-data-(.+)\.sdp$/.exec(offerFile)!;
  const scenario = `${browser}-offer${offerScenario === 'ip' ? '' : `-${offerScenario}`}`;
  const file = `libdatachannel-answer-data-ip-${scenario}.sdp`;
  const captured = alreadyCaptured(file);
  if (captured) return captured[0]!;
  const answerer = peer(plain());
  try {
    await answerer.setRemoteDescription({ type: 'offer', sdp: readFileSync(new URL(offerFile, DIR), 'utf8') });
    const start = Date.now();
    const answer = await gatheredDescription(answerer, 'answer');
    const shape: Scenario = { ...plain(), scenario, contains: `data-only, host candidates, answering the captured ${offerFile}` };
    return save(file, 'answer', answer, Date.now() - start, shape, offerFile, {
      acceptedByOfferer: 'not checked here: test/e2e/codec.e2e.test.ts applies the rebuilt answer in both browsers',
      connected: false,
    });
  } finally {
    answerer.close();
  }
}

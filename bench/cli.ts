/**
 * The terminal peer's throughput against the page's own (`npm run bench:cli`): the same 256 MiB
 * file into the same Chromium page, (c) sent by the CLI (libdatachannel in Node) and (p) sent by
 * another Chromium page, in rounds whose order alternates (c p, p c, …) so that a drift in the
 * machine's speed favours neither. Every round is a fresh connection that first carries an
 * untimed 32 MiB file (an SCTP association's first bulk transfer stalls here). Timed in the
 * receiving page from the file's first bytes to verified (SHA-256 checked, OPFS file closed).
 * THROUGHPUT_MIB (256) and REPEAT (4) set the size and the number of rounds.
 */
import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';
import { CliProcess } from '../test/support/cli/cli-process.ts';
import { randomFile } from '../test/support/inputs/random-file.ts';
import { tempDirForThisProcess } from '../test/support/inputs/temp-dir.ts';
import { launchChromiumProfile } from '../test/support/launch/chromium.ts';
import { setNetworkShape } from '../test/support/launch/network.ts';
import { PeerPage } from '../test/support/page/peer-page.ts';
import { buildAndServe } from '../test/support/serve/built-page.ts';

const MiB = 1024 * 1024;
const BYTES = Number(process.env['THROUGHPUT_MIB'] ?? 256) * MiB;
const REPEAT = Number(process.env['REPEAT'] ?? 4);
const WARM_UP = randomFile('warm-up.bin', 32 * MiB);
const SOURCE = randomFile('throughput.bin', BYTES);

setNetworkShape('lan-deadgw');
const { url, server } = await buildAndServe('/bench/');
const profile = await launchChromiumProfile(tempDirForThisProcess('bench-cli-'));
const receiver = await PeerPage.open(profile, url);
const sender = await PeerPage.open(profile, url);
const { product } = await (await profile.newCDPSession(receiver.page)).send('Browser.getVersion');
const nodeDatachannel = JSON.parse(execFileSync('npm', ['ls', 'node-datachannel', '--json'], { encoding: 'utf8' })).dependencies['node-datachannel'].version;
console.log(`receiver: ${product}; CLI: Node ${process.versions.node}, node-datachannel ${nodeDatachannel}`);
console.log(`${BYTES / MiB} MiB into the page, ${REPEAT} rounds, each on a fresh connection after a 32 MiB warm-up`);

const mbps = (seconds: number): number => BYTES / 1e6 / seconds;
const runs: { cli: number; page: number }[] = [];
for (let round = 0; round < REPEAT; round++) {
  const order = round % 2 === 0 ? (['cli', 'page'] as const) : (['page', 'cli'] as const);
  const result = { cli: 0, page: 0 };
  for (const from of order) result[from] = from === 'cli' ? await fromCli() : await fromPage();
  runs.push(result);
  console.log(`  round ${round + 1}${round % 2 ? ' (reversed)' : '           '}: CLI → page ${mbps(result.cli).toFixed(1)} MB/s   page → page ${mbps(result.page).toFixed(1)} MB/s   ratio ${(result.page / result.cli).toFixed(2)}`);
}
const median = (values: number[]): number => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
};
const [cli, page] = [median(runs.map((run) => run.cli)), median(runs.map((run) => run.page))];
console.log(`CLI → page   ${mbps(cli).toFixed(1)} MB/s (median ${cli.toFixed(1)} s)`);
console.log(`page → page  ${mbps(page).toFixed(1)} MB/s (median ${page.toFixed(1)} s)`);
console.log(`CLI / page   ${(page / cli).toFixed(2)}`);

await profile.close();
server.close();

/** The CLI offers; the receiving page answers, takes both files, then ends the session, which ends the CLI. */
async function fromCli(): Promise<number> {
  const cli = new CliProcess(['send', WARM_UP, SOURCE, '--no-ice-servers']);
  await receiver.paste(await cli.code());
  cli.write(await receiver.readBlob('Answer'));
  await receiver.waitForStatus('Connected');
  const seconds = await timedReceive();
  await receiver.button('New session').click();
  if ((await cli.exited) !== 0) throw new Error(`the CLI failed:\n${cli.transcript()}`);
  return seconds;
}

async function fromPage(): Promise<number> {
  await sender.connectTo(receiver);
  await sender.files.send([WARM_UP, SOURCE]);
  const seconds = await timedReceive();
  await receiver.button('New session').click();
  await sender.button('New session').click();
  return seconds;
}

/** Accepts the warm-up and the timed file; seconds from the timed file's first bytes to verified. */
async function timedReceive(): Promise<number> {
  await receiver.files.alwaysAccept();
  const name = basename(SOURCE);
  await receiver.files.waitForPhase(basename(WARM_UP), 'verified', 120_000);
  await receiver.files.waitForPhase(name, 'receiving', 60_000);
  const started = performance.now();
  await receiver.files.waitForPhase(name, 'verified', 600_000);
  return (performance.now() - started) / 1000;
}

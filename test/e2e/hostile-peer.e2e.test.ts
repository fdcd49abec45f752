import { afterEach, describe, expect, inject, test } from 'vitest';
import { CHAT_HISTORY_CAP } from '../../src/core/chat/chat-limits.ts';
import { MAX_ACTIVE_INCOMING, MAX_LISTED_TRANSFERS, MAX_PEER_FILE_CHANNELS, MAX_PENDING_INCOMING } from '../../src/core/transfer/transfer-limits.ts';
import { runAttack, ISSUE_SIZES, type AttackName } from '../support/hostile/hostile-attacks.ts';
import { hostilePair, type HostilePair } from '../support/hostile/hostile-pair.ts';
import { randomFile, sha256OfFile } from '../support/inputs/random-file.ts';
import { useChromiumOnOfflineLan } from './setup/browsers.ts';

const baseUrl = inject('baseUrl');
const browser = useChromiumOnOfflineLan();
let pair: HostilePair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

/** After the attack: chat both ways, and a small file from the victim that the attacker's page receives intact. */
async function victimStillWorks({ victim, attacker }: HostilePair, tag: AttackName): Promise<void> {
  await victim.chat.send(`victim after ${tag}`);
  await attacker.chat.waitFor(`victim after ${tag}`, 'theirs', 30_000);
  await attacker.chat.send(`attacker after ${tag}`);
  await victim.chat.waitFor(`attacker after ${tag}`, 'theirs', 30_000);
  const name = `after-${tag}.bin`;
  const source = randomFile(name, 256 * 1024 + 5);
  await victim.files.send([source]);
  await attacker.files.press(name, 'Accept');
  await attacker.files.waitForPhase(name, 'verified', 60_000);
  await victim.files.waitForPhase(name, 'verified', 30_000);
  expect(await attacker.files.saveAndHash(name)).toBe(await sha256OfFile(source));
}

describe('a hostile peer driving its own end of the channels', () => {
  test('10,000 chat messages a second for 5 s: the chat history stays bounded, the victim still chats and sends a file', async () => {
    pair = await hostilePair(browser(), baseUrl);
    const { holdings, settled } = await runAttack(pair, 'chat', ISSUE_SIZES, 120_000);
    expect(settled, `the victim still busy 120 s after the flood, holding ${JSON.stringify(holdings)}`).toBe(true);
    expect(holdings!.chatEntries).toBeLessThanOrEqual(CHAT_HISTORY_CAP);
    await victimStillWorks(pair, 'chat');
    expect((await pair.probe.holdings()).chatEntries).toBeLessThanOrEqual(CHAT_HISTORY_CAP);
  }, 300_000);

  test('5,000 file offers with Always accept on: workers and list entries stay within the caps, the victim still chats and sends a file', async () => {
    pair = await hostilePair(browser(), baseUrl);
    const { holdings, settled } = await runAttack(pair, 'offers', ISSUE_SIZES, 120_000);
    expect(settled, `the victim still busy 120 s after the offers, holding ${JSON.stringify(holdings)}`).toBe(true);
    expect(holdings!.workersAlive).toBeLessThanOrEqual(MAX_ACTIVE_INCOMING);
    expect(holdings!.workersPeak).toBeLessThanOrEqual(MAX_ACTIVE_INCOMING);
    expect(holdings!.fileEntries).toBeLessThanOrEqual(Math.min(MAX_LISTED_TRANSFERS, MAX_ACTIVE_INCOMING + MAX_PENDING_INCOMING));
    await victimStillWorks(pair, 'offers');
    expect((await pair.probe.holdings()).fileEntries).toBeLessThanOrEqual(MAX_LISTED_TRANSFERS);
  }, 300_000);

  test('500 data channels, each naming an offered file, none sending a byte: open channels and workers stay within the caps, the victim still works', async () => {
    pair = await hostilePair(browser(), baseUrl);
    const { holdings, settled } = await runAttack(pair, 'channels', ISSUE_SIZES, 120_000);
    expect(settled, `the victim still busy 120 s after the channels, holding ${JSON.stringify(holdings)}`).toBe(true);
    expect(holdings!.peerChannelsOpen).toBeLessThanOrEqual(MAX_PEER_FILE_CHANNELS);
    expect(holdings!.workersAlive).toBeLessThanOrEqual(MAX_ACTIVE_INCOMING);
    expect(holdings!.workersPeak).toBeLessThanOrEqual(MAX_ACTIVE_INCOMING);
    expect(holdings!.fileEntries).toBeLessThanOrEqual(MAX_LISTED_TRANSFERS);
    await victimStillWorks(pair, 'channels');
  }, 300_000);
});

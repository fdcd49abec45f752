import { floodChannels, floodChat, floodOffers } from './attacks.ts';
import type { HostilePair } from './hostile-pair.ts';
import type { AttackCost, VictimHoldings } from './victim-probe.ts';

/** The three attacks of issue 18, as the e2e test and bench:hostile both run them. */
export type AttackName = 'chat' | 'offers' | 'channels';
export const ATTACK_NAMES: readonly AttackName[] = ['chat', 'offers', 'channels'];

export interface AttackSizes {
  readonly chatPerSecond: number;
  readonly chatSeconds: number;
  readonly chatChars: number;
  readonly offers: number;
  readonly channels: number;
}

export const ISSUE_SIZES: AttackSizes = { chatPerSecond: 10_000, chatSeconds: 5, chatChars: 200, offers: 5000, channels: 500 };

const MiB = 1024 * 1024;
/**
 * The attacker keeps at most this many offers waiting for an answer while answers come: below the
 * 1,000 unanswered offers after which today's victim declines, so each offer reaches Always accept.
 */
const UNANSWERED_OFFERS = 500;

export interface AttackOutcome {
  /** What the attacker achieved, in words with numbers ("50000 messages at 9876/s …"). */
  readonly achieved: string;
  /** Undefined when the victim never answered before the settling time ran out. */
  readonly holdings: VictimHoldings | undefined;
  /** False when the victim was still changing what it holds when `settleMs` ran out. */
  readonly settled: boolean;
  /** Undefined when the victim's page crashed, or did not answer within a minute, before it could be measured. */
  readonly cost: AttackCost | undefined;
}

/**
 * Runs one attack on a fresh pair (`log` hears what the attacker achieved as soon as it has): switches the victim's Always accept on through its UI where
 * the attack is about files, measures from the first message until the victim has settled.
 * - chat: raw chat messages on the control channel at the given rate;
 * - offers: file offers, never followed by their channels;
 * - channels: as many offers, then a file channel for each of them (those accepted first), never
 *   sending a byte, so that each channel names a transfer the victim knows (a channel that names
 *   none is simply closed).
 */
export async function runAttack(
  pair: HostilePair,
  name: AttackName,
  sizes: AttackSizes,
  settleMs = 300_000,
  log: (line: string) => void = () => {},
): Promise<AttackOutcome> {
  const { victim, attacker, probe } = pair;
  if (name !== 'chat') await victim.files.alwaysAccept();
  await probe.start();
  let achieved: string;
  if (name === 'chat') {
    const flood = await floodChat(attacker.page, { perSecond: sizes.chatPerSecond, seconds: sizes.chatSeconds, textChars: sizes.chatChars });
    achieved =
      `${flood.sent} messages of ${sizes.chatChars} chars in ${flood.seconds.toFixed(2)} s = ${Math.round(flood.perSecond)}/s ` +
      `(target ${sizes.chatPerSecond}/s; ${flood.stalledTicks} ticks held back by bufferedAmount; ${flood.acknowledged} acknowledged meanwhile)`;
  } else if (name === 'offers') {
    const flood = await floodOffers(attacker.page, { count: sizes.offers, prefix: 'offer-', fileBytes: MiB, unanswered: UNANSWERED_OFFERS });
    achieved = `${flood.sent} offers in ${flood.seconds.toFixed(2)} s (${flood.accepted} accepted, ${flood.declined} declined meanwhile)`;
  } else {
    const offers = await floodOffers(attacker.page, { count: sizes.channels, prefix: 'channel-', fileBytes: MiB, unanswered: UNANSWERED_OFFERS });
    const flood = await floodChannels(attacker.page, { count: sizes.channels, prefix: 'channel-', settleMs: 30_000 });
    achieved =
      `${offers.sent} offers (${flood.acceptedBefore} accepted), then ${flood.opened} channels in ${flood.seconds.toFixed(2)} s: ` +
      `${flood.stillOpen} still open, ${flood.closed} closed by the victim`;
  }
  log(`${name}: ${achieved}`);
  const { holdings, settled } = await probe.settle(2000, settleMs);
  // A victim still rendering a flood answers CDP only between its tasks: give up after a minute.
  let timer: number | undefined;
  const giveUp = new Promise<undefined>((done) => (timer = setTimeout(done, 60_000)));
  const cost = await Promise.race([probe.finish().catch(() => undefined), giveUp]);
  clearTimeout(timer);
  return { achieved, holdings, settled, cost };
}

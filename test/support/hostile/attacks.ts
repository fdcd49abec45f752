import type { Page } from 'playwright-core';
import type { PeerRecord } from './channel-recorder.ts';

/**
 * The hostile peer's attacks, run in the attacker's page (page.evaluate) on the app's own
 * connection, found through recordPeerChannels. They write raw control messages (JSON with a
 * string `type`, src/core/channel/control-messages.ts) on the pre-negotiated control channel
 * (id 0) and open data channels, as a peer running code of its own would.
 * The page's functions take everything as one argument and name no outer binding: Playwright
 * sends only their source.
 */

/** Above this the attacker waits: what it has queued but not sent would not count as sent. */
const HIGH_WATER_BYTES = 1024 * 1024;

export interface ChatFloodResult {
  readonly sent: number;
  /** From the first message to the last one leaving the attacker's buffer (bufferedAmount 0). */
  readonly seconds: number;
  readonly perSecond: number;
  /** Ticks in which the buffer was above the high-water mark and nothing was sent. */
  readonly stalledTicks: number;
  /** chat-ack messages the victim sent back by the time the buffer drained. */
  readonly acknowledged: number;
}

/** `perSecond` chat messages a second for `seconds`, in bursts per timer tick, each `textChars` long. */
export function floodChat(page: Page, options: { perSecond: number; seconds: number; textChars: number }): Promise<ChatFloodResult> {
  return page.evaluate(
    async ({ perSecond, seconds, textChars, highWater }) => {
      const record = (window as unknown as { peerRecord: PeerRecord }).peerRecord;
      const control = [...record.channels].find((channel) => channel.label === 'control' && channel.readyState === 'open');
      if (!control) throw new Error('the attacker has no open control channel');
      const total = perSecond * seconds;
      const padding = 'x'.repeat(Math.max(0, textChars - 12));
      let sent = 0;
      let stalledTicks = 0;
      const started = performance.now();
      while (sent < total) {
        const due = Math.min(total, Math.ceil(((performance.now() - started) / 1000) * perSecond));
        if (control.bufferedAmount > highWater) stalledTicks++;
        while (sent < due && control.bufferedAmount <= highWater) {
          const text = `flood ${String(sent).padStart(5, '0')} ${padding}`;
          control.send(JSON.stringify({ type: 'chat', id: `flood-${sent}`, text, sentAt: Date.now() }));
          sent++;
        }
        await new Promise((done) => setTimeout(done, 0));
      }
      while (control.bufferedAmount > 0) await new Promise((done) => setTimeout(done, 5));
      const elapsed = (performance.now() - started) / 1000;
      return { sent, seconds: elapsed, perSecond: sent / elapsed, stalledTicks, acknowledged: record.controlTypes['chat-ack'] ?? 0 };
    },
    { ...options, highWater: HIGH_WATER_BYTES },
  );
}

export interface OfferFloodResult {
  readonly sent: number;
  readonly seconds: number;
  /** file-accept and file-decline messages the victim sent back by the time the buffer drained. */
  readonly accepted: number;
  readonly declined: number;
}

/**
 * `count` file offers with valid fields (src/core/transfer/transfer-messages.ts), ids starting
 * with `prefix`; the attacker never opens their channels. Paced by the victim's answers: at most
 * `unanswered` offers wait for one, as long as answers keep coming (none for 2 s: it sends on),
 * so that a cap on offers waiting for the user alone does not stop the flood.
 */
export function floodOffers(page: Page, options: { count: number; prefix: string; fileBytes: number; unanswered: number }): Promise<OfferFloodResult> {
  return page.evaluate(
    async ({ count, prefix, fileBytes, unanswered, highWater }) => {
      const record = (window as unknown as { peerRecord: PeerRecord }).peerRecord;
      const control = [...record.channels].find((channel) => channel.label === 'control' && channel.readyState === 'open');
      if (!control) throw new Error('the attacker has no open control channel');
      const answered = () => (record.controlTypes['file-accept'] ?? 0) + (record.controlTypes['file-decline'] ?? 0);
      const started = performance.now();
      let lastAnswers = answered();
      let lastProgress = performance.now();
      for (let sent = 0; sent < count; ) {
        if (answered() !== lastAnswers) [lastAnswers, lastProgress] = [answered(), performance.now()];
        const patient = performance.now() - lastProgress < 2000;
        while (sent < count && control.bufferedAmount <= highWater && (sent - answered() < unanswered || !patient)) {
          const id = `${prefix}${sent}`;
          control.send(JSON.stringify({ type: 'file-offer', id, name: `${id}.bin`, size: fileBytes, mimeType: 'application/octet-stream' }));
          sent++;
          if (!patient) lastProgress = performance.now();
        }
        await new Promise((done) => setTimeout(done, 0));
      }
      while (control.bufferedAmount > 0) await new Promise((done) => setTimeout(done, 5));
      const { controlTypes } = record;
      return { sent: count, seconds: (performance.now() - started) / 1000, accepted: controlTypes['file-accept'] ?? 0, declined: controlTypes['file-decline'] ?? 0 };
    },
    { ...options, highWater: HIGH_WATER_BYTES },
  );
}

export interface ChannelFloodResult {
  /** Offers the victim had accepted when the channels were opened. */
  readonly acceptedBefore: number;
  readonly opened: number;
  readonly seconds: number;
  /** Of the attacker's channels: still open, or closed (by the victim) once all had settled. */
  readonly stillOpen: number;
  readonly closed: number;
}

/**
 * Opens `count` ordered data channels labelled as file channels (`file:<id>`, src/core/transfer/
 * file-channel.ts) for the offered ids `prefix0…`, and never sends on them: first it waits until
 * the victim's acceptances stop coming (2 s without one, 10 s before the first; at most `settleMs`), so that the channels
 * of accepted offers come in when the victim expects them; then the rest. Waits until each one
 * has opened or closed (at most `settleMs`).
 */
export function floodChannels(page: Page, options: { count: number; prefix: string; settleMs: number }): Promise<ChannelFloodResult> {
  return page.evaluate(
    async ({ count, prefix, settleMs }) => {
      const record = (window as unknown as { peerRecord: PeerRecord }).peerRecord;
      const pc = record.connections.filter((connection) => connection.connectionState === 'connected').at(-1);
      if (!pc) throw new Error('the attacker has no connected peer connection');
      const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
      const waitStarted = performance.now();
      for (let seen = 0, lastChange = waitStarted; performance.now() - waitStarted < settleMs; await sleep(200)) {
        const accepted = record.acceptedFiles.length;
        if (accepted !== seen) [seen, lastChange] = [accepted, performance.now()];
        const quiet = performance.now() - lastChange;
        if (accepted >= count || (accepted > 0 && quiet > 2000) || (accepted === 0 && quiet > 10_000)) break;
      }
      const ids = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
      const accepted = new Set(record.acceptedFiles);
      const ordered = [...ids.filter((id) => accepted.has(id)), ...ids.filter((id) => !accepted.has(id))];
      const started = performance.now();
      const channels = ordered.map((id) => pc.createDataChannel(`file:${id}`, { ordered: true }));
      const deadline = performance.now() + settleMs;
      while (channels.some((channel) => channel.readyState === 'connecting') && performance.now() < deadline) await sleep(50);
      const seconds = (performance.now() - started) / 1000;
      // A channel the victim closes right after it opened needs a moment more to say so.
      await sleep(1000);
      const stillOpen = channels.filter((channel) => channel.readyState === 'open').length;
      const closed = channels.filter((channel) => channel.readyState === 'closed').length;
      return { acceptedBefore: accepted.size, opened: count, seconds, stillOpen, closed };
    },
    options,
  );
}

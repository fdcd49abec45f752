import { msg, str } from '@lit/localize';
import type { OfferRefusal } from '../../core/transfer/transfer-limits.ts';
import { MAX_FILE_NAME_CHARS, MAX_MIME_TYPE_CHARS, TRANSFER_IDLE_TIMEOUT_MS } from '../../core/transfer/transfer-limits.ts';
import type { TransferSnapshot } from '../../core/transfer/transfer-state.ts';
import { formatNumber } from '../locale/intl.ts';

/** The same symbols in every language the page has (Korean file managers write "MB" too). */
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Decimal units, as file managers on phones show them. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${formatNumber(value, unit === 0 || value >= 10 ? 0 : 1)} ${UNITS[unit]}`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) {
    const s = formatNumber(Math.ceil(seconds));
    return msg(str`${s} s`, { desc: 'A duration in seconds' });
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const [m, s] = [formatNumber(minutes), formatNumber(Math.round(seconds % 60))];
    return msg(str`${m} min ${s} s`, { desc: 'A duration in minutes and seconds' });
  }
  const [h, m] = [formatNumber(Math.floor(minutes / 60)), formatNumber(minutes % 60)];
  return msg(str`${h} h ${m} min`, { desc: 'A duration in hours and minutes' });
}

/** Bytes done of the total, then the speed and the time left once they are known (and bytes move). */
export function progressText({ progress, state }: TransferSnapshot): string {
  const [done, total] = [formatBytes(progress.bytesDone), formatBytes(progress.total)];
  const parts = [msg(str`${done} of ${total}`, { desc: 'Bytes of a file transferred so far, of its size' })];
  if (state.phase === 'interrupted') return parts[0]!;
  if (progress.bytesPerSecond > 0) {
    const speed = formatBytes(progress.bytesPerSecond);
    parts.push(msg(str`${speed}/s`, { desc: 'A transfer speed: bytes per second' }));
  }
  if (progress.secondsLeft !== undefined) {
    const left = formatDuration(progress.secondsLeft);
    parts.push(msg(str`${left} left`, { desc: 'The time a transfer still needs' }));
  }
  return parts.join(' · ');
}

const failures = (): Record<string, string> => ({
  'hash-mismatch': msg('Failed: the received file does not match the original (SHA-256 differs). It was discarded.'),
  protocol: msg('Failed: the transfer broke off (unexpected data).'),
  'read-error': msg('Failed: the file could not be read on the sending device.'),
  'write-error': msg('Failed: the file could not be stored on the receiving device (is the disk full?).'),
  'channel-closed': msg('Failed: the transfer channel closed unexpectedly.'),
  'connection-closed': msg('Failed: the connection ended before the file was complete.'),
});

function stalledText(byPeer: boolean): string {
  const seconds = formatNumber(TRANSFER_IDLE_TIMEOUT_MS / 1000);
  return byPeer
    ? msg(str`Failed: the other device stopped it after ${seconds} seconds without progress. You can send it again.`)
    : msg(str`Failed: nothing came from the other device for ${seconds} seconds, so it was stopped. You can send it again.`);
}

/** One line per state; "Verified" is the only wording that promises a correct file. */
export function transferStateText(t: TransferSnapshot): string {
  const state = t.state;
  const incoming = t.direction === 'incoming';
  switch (state.phase) {
    case 'offered':
      return incoming ? msg('Offered to you.') : msg('Waiting for the other device to accept…');
    case 'waiting':
      return state.queued ? msg('Accepted: waits until the file before it has arrived.') : msg('Starting…');
    case 'sending':
      return msg('Sending…');
    case 'receiving':
      return msg('Receiving…');
    case 'verifying':
      return msg('Checking SHA-256…');
    case 'interrupted':
      return msg('Paused: the link is down. It goes on from where it stopped once you reconnect.');
    case 'verified':
      return incoming ? msg('Verified: SHA-256 matches. Press Save to keep it.') : msg('Verified: delivered intact (SHA-256 matches).');
    case 'failed': {
      const detail = state.detail;
      if (state.reason === 'stalled') return stalledText(state.by === 'peer');
      return failures()[state.reason] ?? msg(str`Failed: ${detail}`);
    }
    case 'canceled':
      return state.by === 'me' ? msg('Canceled by you.') : msg('Canceled by the other device.');
    case 'declined':
      if (state.busy) return msg('Not taken: the other device already has too many files waiting. Send it again once they are done.');
      return state.by === 'me' ? msg('Declined by you.') : msg('Declined by the other device.');
  }
}

/** Why a picked file was not offered (transfer-limits.ts offerRefusal), naming it. */
export function offerRefusalText(name: string, refusal: OfferRefusal): string {
  switch (refusal) {
    case 'empty-name':
      return msg('Not sent: the file has no name.');
    case 'name-too-long': {
      const max = formatNumber(MAX_FILE_NAME_CHARS);
      return msg(str`Not sent: “${name}” has a name longer than ${max} characters. Rename it and send it again.`);
    }
    case 'type-too-long': {
      const max = formatNumber(MAX_MIME_TYPE_CHARS);
      return msg(str`Not sent: the type of “${name}” is longer than ${max} characters.`);
    }
  }
}

/** What the bounds on the peer refused or removed, one sentence each; empty while nothing was. */
export function transferCountsText(counts: { declinedOffers: number; removedFromList: number; refusedChannels: number }): string[] {
  const lines: string[] = [];
  if (counts.declinedOffers > 0) {
    const n = formatNumber(counts.declinedOffers);
    lines.push(msg(str`Files the other device offered while too many were waiting, not taken: ${n}.`));
  }
  if (counts.removedFromList > 0) {
    const n = formatNumber(counts.removedFromList);
    lines.push(msg(str`Older finished transfers removed from this list: ${n}.`));
  }
  if (counts.refusedChannels > 0) {
    const n = formatNumber(counts.refusedChannels);
    lines.push(msg(str`Channels the other device opened that no file asked for, closed: ${n}.`));
  }
  return lines;
}

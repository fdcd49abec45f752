import { msg, str } from '@lit/localize';
import type { CandidateSummary, StatsSummary } from '../../core/media/connection-stats.ts';
import { formatNumber } from '../locale/intl.ts';

/** The Stats panel's values in the page's language; English keeps WebRTC's own terms. */
export function connectionTypeText(type: StatsSummary['connectionType']): string {
  switch (type) {
    case 'direct on LAN':
      return msg('direct on LAN');
    case 'through NAT':
      return msg('through NAT');
    case 'relayed via TURN':
      return msg('relayed via TURN');
    case 'unknown':
      return msg('unknown');
  }
}

/** ICE candidate types (RFC 8445): a browser may report one this table does not know, shown as is. */
function candidateTypeText(type: string): string {
  const words: Record<string, () => string> = {
    host: () => msg('host', { desc: 'ICE candidate type: an address of the device itself' }),
    srflx: () => msg('srflx', { desc: 'ICE candidate type: the public address a STUN server saw' }),
    prflx: () => msg('prflx', { desc: 'ICE candidate type: an address the other device saw' }),
    relay: () => msg('relay', { desc: 'ICE candidate type: an address on a TURN server' }),
  };
  return words[type]?.() ?? type;
}

/** The panel names the protocol on this device's side only: both sides use the same one. */
export function candidateText(candidate: CandidateSummary | undefined, show = { protocol: true }): string {
  if (!candidate) return '—';
  const protocol = show.protocol && candidate.protocol ? ` (${candidate.protocol})` : '';
  return `${candidateTypeText(candidate.type)} ${candidate.address}${protocol}`;
}

export function kbpsText(kbps: number | undefined): string {
  if (kbps === undefined) return '—';
  const value = formatNumber(kbps);
  return msg(str`${value} kbit/s`);
}

export function msText(ms: number | undefined): string {
  if (ms === undefined) return '—';
  const value = formatNumber(ms, 1);
  return msg(str`${value} ms`);
}

export function videoText({ width, height, fps }: NonNullable<StatsSummary['video']>): string {
  if (fps === undefined) return `${width}×${height}`;
  const rate = formatNumber(fps);
  return msg(str`${width}×${height} at ${rate} fps`);
}

export function lossText(lost: number, received: number): string {
  const percent = formatNumber(lost + received > 0 ? (100 * lost) / (lost + received) : 0, 1);
  return msg(str`${percent} % (${lost} lost)`);
}

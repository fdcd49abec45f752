import type { TransferSnapshot } from '../../core/transfer/transfer-state.ts';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** Decimal units, as file managers on phones show them. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const FAILURES: Record<string, string> = {
  'hash-mismatch': 'Failed: the received file does not match the original (SHA-256 differs). It was discarded.',
  protocol: 'Failed: the transfer broke off (unexpected data).',
  'read-error': 'Failed: the file could not be read on the sending device.',
  'write-error': 'Failed: the file could not be stored on the receiving device (is the disk full?).',
  'channel-closed': 'Failed: the transfer channel closed unexpectedly.',
  'connection-closed': 'Failed: the connection ended before the file was complete.',
};

/** One line per state; "Verified" is the only wording that promises a correct file. */
export function transferStateText(t: TransferSnapshot): string {
  const state = t.state;
  const incoming = t.direction === 'incoming';
  switch (state.phase) {
    case 'offered':
      return incoming ? 'Offered to you.' : 'Waiting for the other device to accept…';
    case 'waiting':
      return 'Starting…';
    case 'sending':
      return 'Sending…';
    case 'receiving':
      return 'Receiving…';
    case 'verifying':
      return 'Checking SHA-256…';
    case 'verified':
      return incoming ? 'Verified: SHA-256 matches. Press Save to keep it.' : 'Verified: delivered intact (SHA-256 matches).';
    case 'failed':
      return FAILURES[state.reason] ?? `Failed: ${state.detail}`;
    case 'canceled':
      return state.by === 'me' ? 'Canceled by you.' : 'Canceled by the other device.';
    case 'declined':
      return state.by === 'me' ? 'Declined by you.' : 'Declined by the other device.';
  }
}

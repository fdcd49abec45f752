import { msg, str } from '@lit/localize';
import type { Progress } from '../../core/transfer/progress-meter.ts';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** 1536 → "1.5 KiB"; binary units, as `ls -h` and file managers show sizes. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value < 10 ? 2 : 1)} ${UNITS[unit]}`;
}

/** Decimal megabytes a second, as network speeds are quoted (and docs/benchmarks.md reports). */
export function formatRate(bytesPerSecond: number): string {
  return `${(bytesPerSecond / 1e6).toFixed(1)} MB/s`;
}

/** 65 → "1:05", 3725 → "1:02:05"; undefined → "--:--" while the speed is unknown. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '--:--';
  const whole = Math.max(0, Math.round(seconds));
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor(whole / 60) % 60, whole % 60];
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "12.3 MiB of 50.0 MiB (24%)  14.2 MB/s  0:03 left" */
export function progressText(progress: Progress): string {
  const percent = progress.total > 0 ? Math.floor((progress.bytesDone / progress.total) * 100) : 100;
  const [done, total, left] = [formatBytes(progress.bytesDone), formatBytes(progress.total), formatDuration(progress.secondsLeft)];
  return `${msg(str`${done} of ${total} (${percent}%)`)}  ${formatRate(progress.bytesPerSecond)}  ${msg(str`${left} left`)}`;
}

import { afterEach, expect, test } from 'vitest';
import type { WakeLockAccess } from '../../../src/core/app/keep-awake.ts';
import { createApp, type App } from '../../../src/core/app/create-app.ts';
import { acceptEveryFile, transferManagerOf, closeNodePeers, connectNodePeers } from '../../helpers/node-pair.ts';
import { LIBDATACHANNEL_RETRY, nodePlatform } from '../../helpers/node-platform.ts';
import { randomFile } from '../transfer/fixtures.ts';

/** Records when the screen was asked to stay on and when it was let go. */
class RecordingWakeLock implements WakeLockAccess {
  readonly log: string[] = [];
  async request(): Promise<() => void> {
    this.log.push('request');
    return () => this.log.push('release');
  }
}

let apps: App[] = [];
afterEach(() => closeNodePeers(...apps));

async function until(done: () => boolean, timeoutMs = 15_000): Promise<void> {
  for (const started = Date.now(); !done(); await new Promise((resolve) => setTimeout(resolve, 10))) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
  }
}

test('the screen stays on while a file moves, on both sides, and may sleep again once it is verified', { ...LIBDATACHANNEL_RETRY, timeout: 30_000 }, async () => {
  const locks = [new RecordingWakeLock(), new RecordingWakeLock()];
  const platforms = locks.map((wakeLock) => ({ ...nodePlatform(), wakeLock }));
  const [a, b] = (apps = platforms.map((platform) => createApp(platform)));
  await connectNodePeers(a!, b!);
  expect([a!.keepAwake.busy, locks[0]!.log]).toEqual([false, []]);

  await acceptEveryFile(b!);
  const [id] = (await transferManagerOf(a!)).offerFiles([randomFile(4 * 1024 * 1024, 3)]);
  await until(() => a!.keepAwake.busy && b!.keepAwake.busy);
  await until(() => a!.keepAwake.held && b!.keepAwake.held);
  await until(() => [a!, b!].every((app) => app.transfers.manager!.get(id!)?.state.phase === 'verified'));
  await until(() => !a!.keepAwake.held && !b!.keepAwake.held);
  expect(locks.map((lock) => lock.log)).toEqual([
    ['request', 'release'],
    ['request', 'release'],
  ]);
});

test('without a wake lock on the platform, the work goes on and nothing is held', { ...LIBDATACHANNEL_RETRY, timeout: 30_000 }, async () => {
  const [a, b] = (apps = [createApp(nodePlatform()), createApp(nodePlatform())]);
  await connectNodePeers(a!, b!);
  await acceptEveryFile(b!);
  const [id] = (await transferManagerOf(a!)).offerFiles([randomFile(4 * 1024 * 1024, 4)]);
  await until(() => a!.keepAwake.busy);
  expect(a!.keepAwake.held).toBe(false);
  await until(() => b!.transfers.manager!.get(id!)?.state.phase === 'verified');
  expect(a!.keepAwake.held).toBe(false);
});

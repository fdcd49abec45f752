import { msg, str } from '@lit/localize';
import { isTerminal, type TransferSnapshot } from '../../core/transfer/transfer-state.ts';
import type { TransferEvent } from '../../core/transfer/transfer-event.ts';
import { CliFailure, EXIT, type ExitCode } from '../exit-codes.ts';
import { openFileSources } from '../files/file-sources.ts';
import { whenStopped } from '../link/session-watch.ts';
import { transferEndText } from '../terminal/transfer-text.ts';
import { formatBytes, progressText } from '../terminal/progress-text.ts';
import { connect, type CliContext } from './cli-context.ts';

/** Offers every named file, shows each one's progress, and exits 0 once all of them arrived verified. */
export async function runSend(context: CliContext): Promise<ExitCode> {
  const { app, out } = context;
  const opened = await openFileSources(context.options.files);
  if (!opened.ok) throw new CliFailure(EXIT.badFile, opened.error);
  const sources = opened.value;
  await connect(context);
  const manager = await app.transfers.whenManager();
  const total = sources.reduce((sum, source) => sum + source.size, 0);
  const ids = new Set(manager.offerFiles(sources));
  const [count, size] = [sources.length, formatBytes(total)];
  out.say(
    count === 1
      ? msg(str`Offered 1 file (${size}); waiting for the other device to accept.`)
      : msg(str`Offered ${count} files (${size}); waiting for the other device to accept.`),
  );

  const ended = new Map<string, TransferSnapshot>();
  const allEnded = new Promise<void>((resolve) => {
    const onChange = ({ transfer }: TransferEvent): void => {
      if (!ids.has(transfer.id) || ended.has(transfer.id) || !isTerminal(transfer.state)) return;
      ended.set(transfer.id, transfer);
      out.status(`${transfer.file.name}: ${transferEndText(transfer.state)}`, true);
      if (ended.size === ids.size) resolve();
    };
    manager.addEventListener('change', onChange);
    manager.addEventListener('progress', ({ transfer }) => {
      if (ids.has(transfer.id) && !ended.has(transfer.id)) out.status(`${transfer.file.name}  ${progressText(transfer.progress)}`);
    });
  });
  await Promise.race([allEnded, whenStopped(app)]);
  const verified = [...ended.values()].filter((transfer) => transfer.state.phase === 'verified').length;
  const offered = ids.size;
  out.say(offered === 1 ? msg(str`${verified} of 1 file arrived verified.`) : msg(str`${verified} of ${offered} files arrived verified.`));
  if (verified !== ids.size) return EXIT.transferFailed;
  context.done();
  // A page keeps a received file only while its conversation lasts: it must be saved there first.
  // So the receiver ends the session (a terminal receiver does once its files are written).
  out.say(msg('The other device can save them now. This ends when it ends the session (or press Ctrl-C).'));
  await whenStopped(app).catch(() => undefined);
  return EXIT.ok;
}

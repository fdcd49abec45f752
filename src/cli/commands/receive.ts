import { msg, str } from '@lit/localize';
import { access, constants, stat } from 'node:fs/promises';
import { isTerminal } from '../../core/transfer/transfer-state.ts';
import { CliFailure, EXIT, type ExitCode } from '../exit-codes.ts';
import type { DiskReceivedFiles } from '../files/disk-received-files.ts';
import { stoppedBecause } from '../link/session-watch.ts';
import { transferEndText } from '../terminal/transfer-text.ts';
import { formatBytes, progressText } from '../terminal/progress-text.ts';
import { connect, type CliContext } from './cli-context.ts';

/**
 * Accepts every file the other device sends into the folder. Ends when the files offered so far
 * have all ended (a batch is offered at once, so that is the batch), or with --keep-open when the
 * other device ends the session. Exit 0 when every file arrived verified and was written.
 */
export async function runReceive(context: CliContext, received: DiskReceivedFiles): Promise<ExitCode> {
  const { app, out, options } = context;
  await checkFolder(received.directory);
  await connect(context);
  const manager = await app.transfers.whenManager();
  const folder = received.directory;
  out.say(msg(str`Files will be written to ${folder}. Waiting for the other device to send…`));
  const open = new Set<string>();
  let verified = 0;
  let failed = 0;
  return new Promise<ExitCode>((resolve, reject) => {
    const finishIfDone = (): void => {
      if (open.size > 0 || (options.keepOpen && !stoppedBecause(app.session.state))) return;
      if (!options.keepOpen && verified + failed === 0) return;
      resolve(failed === 0 ? EXIT.ok : EXIT.transferFailed);
    };
    manager.addEventListener('offer', ({ transfer }) => {
      open.add(transfer.id);
      const [name, size] = [transfer.file.name, formatBytes(transfer.file.size)];
      out.say(msg(str`Receiving ${name} (${size})`));
      void received.sinkFor(transfer.id).then((sink) => manager.accept(transfer.id, sink));
    });
    manager.addEventListener('progress', ({ transfer }) => out.status(`${transfer.file.name}  ${progressText(transfer.progress)}`));
    manager.addEventListener('change', ({ transfer }) => {
      if (!open.has(transfer.id) || !isTerminal(transfer.state)) return;
      open.delete(transfer.id);
      const saved = received.savedFile(transfer.id);
      if (transfer.state.phase === 'verified' && saved) {
        verified++;
        const [name, end, path] = [transfer.file.name, transferEndText(transfer.state), saved.path];
        out.status(saved.renamed ? msg(str`${name}: ${end}, saved as ${path} (the name was taken)`) : msg(str`${name}: ${end}, saved as ${path}`), true);
      } else {
        failed++;
        out.status(`${transfer.file.name}: ${transferEndText(transfer.state)}`, true);
      }
      finishIfDone();
    });
    app.session.addEventListener('change', () => {
      const stopped = stoppedBecause(app.session.state);
      if (!stopped) return;
      if (open.size === 0 && (options.keepOpen || verified + failed > 0)) finishIfDone();
      else reject(stopped);
    });
  });
}

async function checkFolder(directory: string): Promise<void> {
  const info = await stat(directory).catch(() => undefined);
  if (!info?.isDirectory()) throw new CliFailure(EXIT.badFile, msg(str`No such folder: ${directory}`));
  const writable = await access(directory, constants.W_OK).then(() => true, () => false);
  if (!writable) throw new CliFailure(EXIT.badFile, msg(str`Cannot write to ${directory}: permission denied.`));
}

import { msg, str } from '@lit/localize';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp, type App } from '../core/app/create-app.ts';
import { parseCommandLine, type CliOptions } from './cli-args.ts';
import { cliPlatform } from './cli-platform.ts';
import { runChat } from './commands/chat.ts';
import type { CliContext } from './commands/cli-context.ts';
import { runReceive } from './commands/receive.ts';
import { runSend } from './commands/send.ts';
import { CliFailure, EXIT, type ExitCode } from './exit-codes.ts';
import { DiskReceivedFiles } from './files/disk-received-files.ts';
import { localeFor, startLocale } from './locale/cli-locale.ts';
import { LineInput } from './terminal/line-input.ts';
import { TerminalOutput } from './terminal/terminal-output.ts';
import { usage } from './usage.ts';

/** The CLI's composition root: the command line, the terminal and libdatachannel, wired to the page's own core. */
async function main(argv: readonly string[]): Promise<ExitCode> {
  await startLocale(localeFor(argv, process.env));
  const out = new TerminalOutput(process.stdout, process.stderr);
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) {
    out.warn(`${parsed.error}\n\n${usage()}`);
    return EXIT.usage;
  }
  const request = parsed.value;
  if (request.kind !== 'run') {
    out.say(request.kind === 'help' ? usage() : `p2p-direct ${packageVersion()}`);
    return EXIT.ok;
  }
  const { options } = request;
  const received = new DiskReceivedFiles(resolve(options.directory), options.force);
  const app = createApp(cliPlatform(options, received));
  const input = new LineInput(process.stdin);
  let succeeded = false;
  const context: CliContext = { app, options, input, out, done: () => void (succeeded = true) };
  process.once('SIGINT', () => {
    if (!succeeded) out.warn(msg('Interrupted.'));
    void end(app, input, succeeded ? EXIT.ok : EXIT.interrupted).then((code) => process.exit(code));
  });
  try {
    return await end(app, input, await run(context, received));
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    out.warn(error.message);
    return end(app, input, error.exitCode);
  }
}

function run(context: CliContext, received: DiskReceivedFiles): Promise<ExitCode> {
  const command: CliOptions['command'] = context.options.command;
  if (command === 'send') return runSend(context);
  if (command === 'receive') return runReceive(context, received);
  return runChat(context);
}

/** Says goodbye to the other device and waits for the connection to close, so the bye is not lost. */
async function end(app: App, input: LineInput, code: ExitCode): Promise<ExitCode> {
  const pc = app.session.connection;
  app.session.reset();
  input.close();
  for (let waited = 0; pc && pc.connectionState !== 'closed' && waited < 2_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return code;
}

/** From the package this file is in, whether it runs from src/ or from the bundle. */
function packageVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${msg(str`Unexpected error: ${detail}`)}\n`);
    process.exit(1);
  },
);

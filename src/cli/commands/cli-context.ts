import { msg, str } from '@lit/localize';
import type { App } from '../../core/app/create-app.ts';
import { formatCode } from '../../core/verification/verification-bytes.ts';
import type { CliOptions } from '../cli-args.ts';
import { exchangeCodes } from '../link/code-exchange.ts';
import type { LineInput } from '../terminal/line-input.ts';
import type { TerminalOutput } from '../terminal/terminal-output.ts';

/** What every command works with; made once in main.ts, the CLI's composition root. */
export interface CliContext {
  readonly app: App;
  readonly options: CliOptions;
  readonly input: LineInput;
  readonly out: TerminalOutput;
  /** The command's work is done and succeeded: from now on Ctrl-C ends with status 0. */
  done(): void;
}

/** The code exchange, then "Connected" and the verification code the two people compare. */
export async function connect(context: CliContext): Promise<void> {
  const { app, out, options } = context;
  await exchangeCodes(app, context.input, out, { answer: options.answer, page: options.page, qr: options.qr ?? out.isTerminal });
  out.say(msg('Connected.'));
  void announceVerificationCode(context);
}

async function announceVerificationCode({ app, out }: CliContext): Promise<void> {
  const verification = app.verification;
  const shown = (): boolean => {
    const state = verification.state;
    if (state.phase === 'unavailable') out.warn(msg('No verification code: the other side sent no DTLS fingerprint.'));
    if (state.phase !== 'ready') return state.phase === 'unavailable';
    const code = formatCode(state.code);
    out.say(msg(str`Verification code: ${code} (the other device must show the same; if not, someone is in between: press Ctrl-C).`));
    return true;
  };
  if (shown()) return;
  const listener = (): void => void (shown() && verification.removeEventListener('change', listener));
  verification.addEventListener('change', listener);
}

/** Text from the other device, made safe to print: no escape sequences, control or bidi characters. */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (char) => (char === '\t' ? ' ' : char === '\n' ? ' ⏎ ' : ''));
}

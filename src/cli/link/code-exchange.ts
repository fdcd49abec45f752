import { msg, str } from '@lit/localize';
import type { App } from '../../core/app/create-app.ts';
import { linkFor } from '../../core/qr/qr-link.ts';
import { ownCode, settledCode } from '../../core/session/settled-code.ts';
import { CliFailure, EXIT } from '../exit-codes.ts';
import { blobProblemText } from '../terminal/cli-text.ts';
import type { LineInput } from '../terminal/line-input.ts';
import { qrForTerminal } from '../terminal/offer-display.ts';
import type { TerminalOutput } from '../terminal/terminal-output.ts';
import { untilState, whenStopped } from './session-watch.ts';

export interface ExchangeOptions {
  /** Wait for the other device's offer instead of making one. */
  readonly answer: boolean;
  readonly page: string | undefined;
  /** Draw QR codes (on a terminal by default). */
  readonly qr: boolean;
}

/**
 * The manual exchange from a terminal: print this side's code (QR, link, text), read the other
 * side's from standard input until one works, and return once the link is connected. A pasted
 * offer while this side offers means the other device made the offer: this side answers it.
 * A bad paste is explained and asked for again; the end of input is a CliFailure.
 */
export async function exchangeCodes(app: App, input: LineInput, out: TerminalOutput, options: ExchangeOptions): Promise<void> {
  if (!options.answer) {
    const started = await app.session.createOffer();
    if (!started.ok) throw new CliFailure(EXIT.linkFailed, blobProblemText(started.error));
    await showCode(app, out, options, 'offer');
    out.say(msg("Paste the other device's answer here (its code or link) and press Enter:"));
  } else {
    out.say(msg("Paste the other device's offer here (its code or link) and press Enter:"));
  }
  const action = await readUsableCode(app, input, out);
  if (action === 'answer-offer') {
    await showCode(app, out, options, 'answer');
    out.say(msg('Waiting for the other device to take the answer…'));
  }
  await untilState(app, (state) => state.phase === 'connected');
}

async function readUsableCode(app: App, input: LineInput, out: TerminalOutput): Promise<'answer-offer' | 'accept-answer'> {
  const stopped = whenStopped(app);
  for (;;) {
    const line = await Promise.race([input.next(), stopped]);
    if (line === undefined) throw new CliFailure(EXIT.noCode, msg('Standard input ended before a usable code was pasted.'));
    const text = line.trim();
    if (text === '') continue;
    let accepted = await app.session.acceptBlob(text);
    if (!accepted.ok && accepted.error.kind === 'refused' && accepted.error.code === 'offer-while-offering') {
      // The other device made an offer too: take theirs, drop ours (nobody has ours yet, or it is lost).
      out.say(msg('That is an offer: answering it instead of ours.'));
      app.session.reset();
      accepted = await app.session.acceptBlob(text);
    }
    if (accepted.ok) return accepted.value;
    const problem = blobProblemText(accepted.error);
    out.warn(msg(str`${problem} Paste it again:`));
  }
}

/** Prints the code once gathering has settled, so one QR code holds every address this side has. */
async function showCode(app: App, out: TerminalOutput, options: ExchangeOptions, kind: 'offer' | 'answer'): Promise<void> {
  const code = await codeToShow(app);
  out.say(options.qr ? instructions(kind, options.page !== undefined) : textInstructions(kind));
  if (options.qr) out.say(qrForTerminal(code, options.page));
  if (options.page) out.say(linkFor(options.page, code));
  out.say(code);
}

function instructions(kind: 'offer' | 'answer', withLink: boolean): string {
  if (kind === 'answer') return msg('Your answer. On the other device, press Scan and show it this QR code, or paste the code below.');
  if (withLink) return msg("Your offer. Scan this QR code with the other device's camera, open the link there, or paste the code into P2P Direct.");
  return msg('Your offer. On the other device, open P2P Direct, press Scan and show it this QR code, or paste the code below.');
}

/** Without a QR code on screen (--no-qr, or output that is not a terminal): the text, or the link. */
function textInstructions(kind: 'offer' | 'answer'): string {
  if (kind === 'answer') return msg('Your answer. Paste it into the other device (the code or the link below).');
  return msg('Your offer. Paste it into P2P Direct on the other device (the code or the link below).');
}

/**
 * The code once gathering is complete or past its cap (ice-gathering.ts), so one QR code holds
 * every address this side has: a person looks at one code, so it does not stop at a quiet spell.
 */
async function codeToShow(app: App): Promise<string> {
  const stateNow = await untilState(app, (state) => ownCode(state) !== undefined || state.phase === 'connected');
  const settled = await settledCode(app.session, app.settings.current.gatherCapMs + 100, Infinity);
  return settled ?? ownCode(stateNow) ?? '';
}

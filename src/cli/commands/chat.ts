import { msg, str } from '@lit/localize';
import type { ChatFeature } from '../../core/chat/chat-feature.ts';
import { EXIT, type ExitCode } from '../exit-codes.ts';
import { stoppedBecause } from '../link/session-watch.ts';
import { connect, printable, type CliContext } from './cli-context.ts';

/** How long the end of input waits for the messages still on their way to be acknowledged. */
const FLUSH_MS = 5_000;

function refusalText(refusal: 'not-connected' | 'empty' | 'too-long'): string | undefined {
  if (refusal === 'not-connected') return msg('Not connected; not sent.');
  return refusal === 'too-long' ? msg('Too long; not sent.') : undefined;
}

/**
 * Each line typed is a message; each message from the other device is printed as it comes. The
 * end of input (Ctrl-D, or a pipe running dry) or "/quit" ends the chat once what was typed has
 * arrived; the other device ending it ends it too. Both are a normal end: exit 0.
 */
export async function runChat(context: CliContext): Promise<ExitCode> {
  const { app, out, input } = context;
  await connect(context);
  out.say(msg('Type a message and press Enter. Ctrl-D or /quit ends the chat.'));
  const printed = new Set<string>();
  const printNew = (): void => {
    for (const entry of app.chat.entries) {
      if (entry.from !== 'theirs' || printed.has(entry.id)) continue;
      printed.add(entry.id);
      const text = printable(entry.text);
      out.say(msg(str`them: ${text}`));
    }
    const refused = app.chat.refused;
    const dropped = refused - lastRefused;
    if (refused > 0 && dropped !== 0) out.warn(msg(str`${dropped} messages from the other device were dropped: it sent too fast.`));
    lastRefused = refused;
  };
  let lastRefused = 0;
  app.chat.addEventListener('change', printNew);
  printNew();

  const peerEnded = new Promise<'ended'>((resolve) => {
    const check = (): void => void (stoppedBecause(app.session.state) && resolve('ended'));
    app.session.addEventListener('change', check);
    check();
  });
  for (;;) {
    const line = await Promise.race([input.next(), peerEnded]);
    if (line === 'ended') {
      out.say(msg('The other device ended the chat.'));
      return EXIT.ok;
    }
    if (line === undefined || line.trim() === '/quit') break;
    if (line.trim() === '') continue;
    const sent = app.chat.send(line);
    const refusal = sent.ok ? undefined : refusalText(sent.error);
    if (refusal) out.warn(refusal);
  }
  await allDelivered(app.chat);
  return EXIT.ok;
}

/** Resolves once every message typed here was acknowledged, or after FLUSH_MS. */
function allDelivered(chat: ChatFeature): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, FLUSH_MS);
    function done(): void {
      clearTimeout(timer);
      chat.removeEventListener('change', check);
      resolve();
    }
    function check(): void {
      if (chat.entries.every((entry) => entry.from !== 'mine' || entry.delivery === 'delivered')) done();
    }
    chat.addEventListener('change', check);
    check();
  });
}

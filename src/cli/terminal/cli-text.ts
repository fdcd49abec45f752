import { msg, str } from '@lit/localize';
import type { BlobProblem } from '../../core/session/paste-plan.ts';
import type { DecodeErrorCode } from '../../core/signal/index.ts';

/**
 * The terminal's words for what is wrong with a pasted code (the page words the same codes in
 * src/ui/text/). Links and transfers have theirs in link-text.ts and transfer-text.ts. Each is a
 * function, so the words are those of the language chosen at start, not at import.
 */
function unreadableText(code: DecodeErrorCode): string {
  switch (code) {
    case 'empty':
      return msg('That line is empty.');
    case 'too-long':
      return msg('That is far longer than any code; nothing was read.');
    case 'not-a-blob':
      return msg('That is not a P2P Direct code. Paste the whole code or link the other device shows.');
    case 'unsupported-version':
      return msg('That code comes from a different version of P2P Direct; make a new one with the same version.');
    case 'damaged':
      return msg('That code is damaged (a character was changed or lost); copy it again.');
    case 'truncated':
      return msg('That code is cut short; copy all of it.');
    case 'invalid-description':
      return msg('That code does not describe a usable connection; make a new one.');
  }
}

export function blobProblemText(problem: BlobProblem): string {
  switch (problem.kind) {
    case 'unreadable':
      return unreadableText(problem.code);
    case 'refused':
      return refusalText(problem.code);
    case 'browser-refused': {
      const detail = problem.detail;
      return problem.code === 'offer'
        ? msg(str`The WebRTC stack refused that offer: ${detail}`)
        : msg(str`The WebRTC stack refused that answer: ${detail}`);
    }
    case 'cannot-start': {
      const detail = problem.detail;
      return msg(str`Cannot start a connection with these ICE servers: ${detail}`);
    }
  }
}

function refusalText(code: Extract<BlobProblem, { kind: 'refused' }>['code']): string {
  switch (code) {
    case 'own-offer':
    case 'own-answer':
      return msg('That is the code this terminal printed; paste the one from the other device.');
    case 'answer-for-another-offer':
      return msg('That answer belongs to another offer; the other device must answer the offer printed above.');
    case 'already-connected':
      return msg('Already connected.');
    case 'still-preparing':
      return msg('Still preparing the code; paste again in a moment.');
    default:
      return msg('That code cannot be used now; make a new one on the other device.');
  }
}

import type { UncheckedMessage } from '../channel/control-messages.ts';
import { err, ok, type Result } from '../util/result.ts';
import { NONCE_BYTES } from './verification-bytes.ts';

/**
 * The three steps of the commit–reveal, in the only order either side accepts: the offerer binds
 * itself to its nonce (a SHA-256 of it), the answerer then shows its own, the offerer reveals.
 */
export type VerificationMessage =
  | { readonly type: 'verify-commit'; readonly commitment: string }
  | { readonly type: 'verify-nonce'; readonly nonce: string }
  | { readonly type: 'verify-reveal'; readonly nonce: string };

export const VERIFICATION_MESSAGE_TYPES: readonly string[] = ['verify-commit', 'verify-nonce', 'verify-reveal'];

const HEX_NONCE = new RegExp(`^[0-9a-f]{${NONCE_BYTES * 2}}$`);
const HEX_COMMITMENT = /^[0-9a-f]{64}$/;

export function parseVerificationMessage(message: UncheckedMessage): Result<VerificationMessage, string> {
  switch (message.type) {
    case 'verify-commit': {
      const { commitment } = message;
      if (typeof commitment !== 'string' || !HEX_COMMITMENT.test(commitment)) return err('bad commitment');
      return ok({ type: message.type, commitment });
    }
    case 'verify-nonce':
    case 'verify-reveal': {
      const { nonce } = message;
      if (typeof nonce !== 'string' || !HEX_NONCE.test(nonce)) return err('bad nonce');
      return ok({ type: message.type, nonce });
    }
    default:
      return err('not a verification message');
  }
}

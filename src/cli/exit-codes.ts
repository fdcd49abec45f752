/**
 * What a script can tell from the exit status. Stable: documented in the README's "From a
 * terminal" section, and each command's outcome maps to exactly one of these.
 */
export const EXIT = {
  /** Every file arrived and its SHA-256 matched (send, receive), or the chat ended normally. */
  ok: 0,
  /** A transfer failed, was declined or canceled, or a received file could not be written. */
  transferFailed: 1,
  /** The command line was wrong; the usage was printed. */
  usage: 2,
  /** Standard input ended before a usable code was pasted. */
  noCode: 3,
  /** No link came up (no addresses, timed out, ICE failed), or it was lost and did not come back. */
  linkFailed: 4,
  /** The other device ended the session before the work was done. */
  peerEnded: 5,
  /** A file to send is missing or unreadable, or the destination folder cannot be used. */
  badFile: 6,
  /** Interrupted by Ctrl-C (128 + SIGINT). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A reason to stop, with the status the process exits with. */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
  }
}

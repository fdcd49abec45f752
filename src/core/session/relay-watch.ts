/**
 * Why this device's code holds no relay address although the settings call for one:
 * - credentials-refused: the TURN server rejected the user name or password (STUN 401, 403, 431, 441)
 * - refused: the TURN server answered with another error (errorCode says which)
 * - unreachable: the browser gave up on the TURN server (701)
 * - no-relay: the TURN server neither gave an address nor refused before gathering ended
 * - no-turn-server: Relay only is on, but no TURN server is configured
 */
export type RelayProblemCode = 'credentials-refused' | 'refused' | 'unreachable' | 'no-relay' | 'no-turn-server';

export interface RelayProblem {
  readonly code: RelayProblemCode;
  /** The STUN error code the browser reported, for credentials-refused and refused. */
  readonly errorCode?: number;
}

/** What the settings ask of the relay (see gatheringPolicy). */
export interface RelayExpectation {
  /** A TURN server is configured, so a relay candidate should come. */
  readonly expectRelay?: boolean;
  /** iceTransportPolicy 'relay': relay candidates are the only ones. */
  readonly relayOnly?: boolean;
}

/** The part of RTCPeerConnection the watch listens to. */
export interface RelaySource {
  addEventListener(type: 'icecandidate' | 'icecandidateerror', listener: (event: Event) => void): void;
  removeEventListener(type: 'icecandidate' | 'icecandidateerror', listener: (event: Event) => void): void;
}

const CREDENTIAL_ERRORS: ReadonlySet<number> = new Set([401, 403, 431, 441]);

/**
 * Follows one gathering for its relay: a relay candidate, or the TURN server's error. Chromium 156
 * and Firefox 153 both fire icecandidateerror 401 within ~0.1 s for a wrong password; for a TURN
 * server that does not answer, Firefox fires 701 after ~11 s and Chromium nothing at all, so only
 * the end of gathering tells (no-relay). Errors about STUN servers are not the relay's business.
 * Construct it before any other listener of the same source, so they see its state up to date.
 */
export class RelayWatch {
  private relaySeen = false;
  private turnError: RelayProblem | undefined;

  private readonly handleCandidate = (event: Event): void => {
    const line = (event as RTCPeerConnectionIceEvent).candidate?.candidate ?? '';
    if (/ typ relay/.test(line)) this.relaySeen = true;
  };

  private readonly handleError = (event: Event): void => {
    const { url, errorCode } = event as RTCPeerConnectionIceErrorEvent;
    if (this.turnError || !/^turns?:/i.test(url ?? '')) return;
    this.turnError = classifyTurnError(errorCode);
  };

  constructor(
    private readonly source: RelaySource,
    private readonly expectation: RelayExpectation,
  ) {
    source.addEventListener('icecandidate', this.handleCandidate);
    source.addEventListener('icecandidateerror', this.handleError);
  }

  /** A TURN server is configured and has neither given a relay address nor refused yet. */
  get pending(): boolean {
    return this.expectation.expectRelay === true && !this.relaySeen && this.turnError === undefined;
  }

  /** The TURN server refused or could not be reached, and no relay address came anyway. */
  get failed(): boolean {
    return !this.relaySeen && this.turnError !== undefined;
  }

  /** The problem as of now; while still pending, as if gathering ended now (no-relay). */
  problem(): RelayProblem | undefined {
    if (this.relaySeen) return undefined;
    if (this.expectation.expectRelay !== true) return this.expectation.relayOnly ? { code: 'no-turn-server' } : undefined;
    return this.turnError ?? { code: 'no-relay' };
  }

  stop(): void {
    this.source.removeEventListener('icecandidate', this.handleCandidate);
    this.source.removeEventListener('icecandidateerror', this.handleError);
  }
}

export function classifyTurnError(errorCode: number): RelayProblem {
  if (CREDENTIAL_ERRORS.has(errorCode)) return { code: 'credentials-refused', errorCode };
  if (errorCode >= 700 && errorCode < 800) return { code: 'unreachable' };
  return { code: 'refused', errorCode };
}

/** The problem as an event or state field: absent when there is none. */
export function relayField(problem: RelayProblem | undefined): { relay?: RelayProblem } {
  return problem ? { relay: problem } : {};
}

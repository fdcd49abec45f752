import { OneTimer } from '../util/one-timer.ts';
import type { FeatureSet } from './feature-set.ts';
import type { DiagnosisCode } from './link-diagnosis.ts';
import type { PeerLink } from './peer-link.ts';

/** Epoch milliseconds; undefined when there is no attempt, or no timeout runs. */
export interface AttemptTiming {
  /** How long this device's code has waited is counted from here. */
  readonly startedAt: number | undefined;
  /** The answer's validity while it waits to be carried back ends here. */
  readonly deadline: number | undefined;
}

/**
 * The session's current connection attempt and what lives exactly as long as it: its timeout and
 * the features attached to it. Replacing or closing the link ends all three together.
 */
export class LinkSlot {
  private current: PeerLink | undefined;
  private newestLink: PeerLink | undefined;
  private readonly timer = new OneTimer();
  private deadlineAt: number | undefined;
  private installedAt: number | undefined;

  constructor(private readonly features: FeatureSet) {}

  get link(): PeerLink | undefined {
    return this.current;
  }

  /** The newest attempt, even once closed: its ufrags still tell our own codes from the peer's. */
  get newest(): PeerLink | undefined {
    return this.newestLink;
  }

  /** Whether `link` is still the current attempt: continuations of an abandoned one must not act. */
  holds(link: PeerLink | undefined): link is PeerLink {
    return link !== undefined && link === this.current;
  }

  install(link: PeerLink): PeerLink {
    this.close();
    this.current = this.newestLink = link;
    this.installedAt = Date.now();
    return link;
  }

  /** When the current attempt began and when its running timeout fires, so a page can count. */
  get timing(): AttemptTiming {
    return { startedAt: this.current ? this.installedAt : undefined, deadline: this.deadlineAt };
  }

  /** `fire` is handed the link's diagnosis, read before anything closes it. */
  startTimeout(ms: number, fire: (diagnosis: DiagnosisCode[]) => void): void {
    const link = this.current;
    this.deadlineAt = Date.now() + ms;
    this.timer.start(ms, () => {
      this.deadlineAt = undefined;
      if (this.holds(link)) void link.diagnose().then((diagnosis) => this.holds(link) && fire(diagnosis));
    });
  }

  clearTimeout(): void {
    this.timer.clear();
    this.deadlineAt = undefined;
  }

  attachFeatures(polite: boolean, connected: () => boolean): void {
    const link = this.current;
    if (link) this.features.attach({ pc: link.pc, polite, send: (message) => link.send(message), connected });
  }

  close(): void {
    this.clearTimeout();
    this.features.detach();
    this.current?.close();
    this.current = undefined;
  }
}

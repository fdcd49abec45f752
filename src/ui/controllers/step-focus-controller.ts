import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Marks the element that takes the focus when its step appears (a heading with tabindex="-1"). */
export const STEP_FOCUS_ATTRIBUTE = 'data-step-focus';

/**
 * Moves the focus to the new step's heading when the step changes, so that keyboard and screen
 * reader users start where the page now is rather than on a control that has just disappeared.
 * The first render keeps the browser's own focus: opening the page is not a step change.
 */
export class StepFocusController implements ReactiveController {
  private shownKey: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: ParentNode },
    private readonly currentKey: () => string | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const key = this.currentKey();
    if (key === undefined || key === this.shownKey) return;
    const moved = this.shownKey !== undefined;
    this.shownKey = key;
    if (moved) this.host.renderRoot.querySelector<HTMLElement>(`[${STEP_FOCUS_ATTRIBUTE}]`)?.focus();
  }
}

import { css } from 'lit';
import { sharedStyles } from './styles/shared-styles.ts';

export const appStyles = [
  sharedStyles,
  css`
    :host {
      max-width: 72rem;
      margin: 0 auto;
      padding: 1rem;
    }
    header .title {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
    }
    header h1 {
      margin: 0;
      font-size: 1.5rem;
    }
    section {
      display: flex;
      flex-direction: column;
      gap: var(--p2p-gap);
      margin: var(--p2p-gap) 0;
    }
    .status {
      font-weight: 600;
      padding: 0.6rem 0.8rem;
      border-radius: var(--p2p-radius);
      background: var(--p2p-surface);
      border: 1px solid var(--p2p-border);
    }
    .status[data-phase='connected'] {
      border-color: #1e8e3e;
    }
    [role='alert'] {
      color: var(--p2p-danger);
      border: 1px solid currentColor;
      border-radius: var(--p2p-radius);
      padding: 0.6rem 0.8rem;
      margin: 0;
    }
    h2 {
      font-size: 1.15rem;
      margin: 0;
    }
    h3 {
      font-size: 1rem;
      margin: 0;
    }
    /* Two steps (or the two choices) side by side where there is room, one above the other on a phone. */
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
      gap: 1rem 1.5rem;
      align-items: start;
      margin: var(--p2p-gap) 0;
    }
    .pair > section {
      margin: 0;
    }
    .step,
    .panel {
      padding: 1rem;
      border: 1px solid var(--p2p-border);
      border-radius: var(--p2p-radius);
      background: var(--p2p-surface);
    }
    .step.secondary {
      background: none;
      border-style: dashed;
      max-width: 44rem;
    }
    .step.trouble {
      border-color: var(--p2p-danger);
    }
    .diagnosis > li + li {
      margin-top: 0.5rem;
    }
    .connect > .step:only-child {
      max-width: 44rem;
    }
    .reader {
      display: flex;
      flex-direction: column;
      gap: var(--p2p-gap);
    }
    .conversation {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0 1.5rem;
      align-items: start;
    }
    .conversation > section {
      margin: 0.5rem 0;
    }
    /* What most people never open: statistics, New session, settings. */
    .tucked,
    .tools {
      border-top: 1px solid var(--p2p-border);
      margin-top: 1rem;
      padding-top: 0.5rem;
    }
    .tucked + .tools {
      border-top: none;
      margin-top: 0;
      padding-top: 0;
    }
    /* A laptop, or a phone held sideways: the call and files on the left, the chat beside them. */
    @media (min-width: 60rem), (orientation: landscape) and (min-width: 36rem) {
      .conversation {
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      }
      .conversation > .chat-area {
        grid-column: 2;
        grid-row: 1 / span 2;
      }
    }
    .conversation-title {
      font-size: 1rem;
      color: var(--p2p-muted);
    }
    [tabindex='-1']:focus {
      outline: none;
    }
    [tabindex='-1']:focus-visible {
      outline: 3px solid var(--p2p-accent);
      outline-offset: 2px;
    }
  `,
];

import { css } from 'lit';

/** Controls and panels shared by every element, built on the custom properties in theme.css. */
export const sharedStyles = css`
  :host {
    display: block;
  }
  /* theme.css does not reach into shadow roots. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border-radius: var(--p2p-radius);
    border: 1px solid var(--p2p-control-border);
    background: var(--p2p-surface);
    color: var(--p2p-text);
    cursor: pointer;
  }
  button.primary {
    background: var(--p2p-accent);
    color: var(--p2p-accent-text);
    border-color: var(--p2p-accent);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 3px solid var(--p2p-accent);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--p2p-surface);
    border: 1px solid var(--p2p-control-border);
    border-radius: var(--p2p-radius);
    padding: 0.5rem 0.75rem;
    width: 100%;
    min-height: 44px;
  }
  textarea {
    font-family: var(--p2p-mono);
    font-size: 0.85rem;
    word-break: break-all;
    resize: vertical;
  }
  summary {
    cursor: pointer;
    min-height: 44px;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    font-weight: 600;
  }
  /*
   * A flex summary loses the browser's marker: this one says "opens" and turns when open. Drawn with
   * borders, not a character, so that it adds nothing to the summary's accessible name.
   */
  summary::before {
    content: '';
    border-block: 0.3em solid transparent;
    border-inline-start: 0.45em solid currentColor;
    margin-inline-end: 0.5em;
    transition: transform 0.15s;
  }
  details[open] > summary::before {
    transform: rotate(90deg);
  }
  @media (prefers-reduced-motion: reduce) {
    summary::before {
      transition: none;
    }
  }
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  /* A checkbox and its words on one line. */
  label.inline {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: normal;
  }
  label.inline input {
    width: auto;
    min-height: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .hint {
    color: var(--p2p-muted);
    font-size: 0.9rem;
    margin: 0.25rem 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  /* Whoever asked the system for less motion gets none: no transitions, no smooth scrolling. */
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;

import { css } from 'lit';
import { sharedStyles } from '../styles/shared-styles.ts';

/** The settings form: fieldsets, one grid row per ICE server. */
export const settingsStyles = [
  sharedStyles,
  css`
    fieldset {
      border: 1px solid var(--p2p-border);
      border-radius: var(--p2p-radius);
      margin: 0.75rem 0;
    }
    .server {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)) auto;
      gap: 0.5rem;
      align-items: end;
      margin-bottom: 0.75rem;
    }
    label.inline {
      margin-top: 0.75rem;
    }
    .error {
      color: var(--p2p-danger);
      grid-column: 1 / -1;
      margin: 0;
    }
  `,
];

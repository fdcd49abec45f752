import { css } from 'lit';
import { fieldsetStyles } from '../styles/fieldset-styles.ts';
import { sharedStyles } from '../styles/shared-styles.ts';

/** The settings form: fieldsets, one grid row per ICE server. */
export const settingsStyles = [
  sharedStyles,
  fieldsetStyles,
  css`
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

import { css } from 'lit';
import { sharedStyles } from './styles/shared-styles.ts';

export const appStyles = [
  sharedStyles,
  css`
    :host {
      max-width: 44rem;
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
    ol.steps {
      padding-left: 1.25rem;
      margin: 0;
    }
  `,
];

import { css } from 'lit';
import { sharedStyles } from '../styles/shared-styles.ts';

export const filesStyles = [
  sharedStyles,
  css`
    h3 {
      font-size: 1rem;
      margin: 0 0 0.75rem;
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0 0;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    li {
      border: 1px solid var(--p2p-border);
      border-radius: var(--p2p-radius);
      padding: 0.5rem 0.75rem;
      background: var(--p2p-surface);
    }
    .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    progress {
      width: 100%;
      height: 0.8rem;
    }
    .verified {
      color: var(--p2p-success);
      font-weight: 600;
    }
    .failed {
      color: var(--p2p-danger);
      font-weight: 600;
    }
    a.save {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0 1rem;
      border-radius: var(--p2p-radius);
      background: var(--p2p-accent);
      color: var(--p2p-accent-text);
      text-decoration: none;
    }
  `,
];

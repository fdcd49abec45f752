import { css } from 'lit';
import { sharedStyles } from '../styles/shared-styles.ts';

export const chatStyles = [
  sharedStyles,
  css`
    [role='log'] {
      max-height: min(50vh, 24rem);
      overflow-y: auto;
      border: 1px solid var(--p2p-border);
      border-radius: var(--p2p-radius);
      padding: 0.5rem;
      background: var(--p2p-surface);
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
    }
    li {
      max-width: 85%;
      padding: 0.4rem 0.7rem;
      border-radius: var(--p2p-radius);
      overflow-wrap: anywhere;
    }
    .text {
      white-space: pre-wrap;
    }
    li[data-from='mine'] {
      align-self: flex-end;
      background: var(--p2p-mine);
    }
    li[data-from='theirs'] {
      align-self: flex-start;
      background: var(--p2p-theirs);
    }
    .meta {
      display: block;
      font-size: 0.75rem;
      color: var(--p2p-muted);
    }
    .pending {
      font-style: italic;
    }
    .empty,
    .removed,
    .too-fast {
      color: var(--p2p-muted);
      margin: 0.25rem;
    }
    .removed {
      text-align: center;
      font-size: 0.85rem;
    }
    form {
      margin-top: 0.5rem;
      flex-wrap: nowrap;
    }
    form input {
      flex: 1;
      min-width: 0;
    }
  `,
];

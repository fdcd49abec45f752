import { css } from 'lit';

/** The framed groups of Settings (ICE servers, timing, this device), each in its own element's shadow root. */
export const fieldsetStyles = css`
  fieldset {
    border: 1px solid var(--p2p-border);
    border-radius: var(--p2p-radius);
    margin: 0.75rem 0;
  }
`;

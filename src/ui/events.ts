/** Intents that views send up to p2p-app; the app forwards them to the session. */
export type BlobSubmitEvent = CustomEvent<{ text: string }>;
export type ChatSendEvent = CustomEvent<{ text: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'p2p-blob-submit': BlobSubmitEvent;
    'p2p-chat-send': ChatSendEvent;
  }
}

export function intent<T>(type: keyof GlobalEventHandlersEventMap, detail: T): CustomEvent<T> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

/** Intents that views send up to p2p-app; the app forwards them to the session. */
export type BlobSubmitEvent = CustomEvent<{ text: string }>;
export type ChatSendEvent = CustomEvent<{ text: string }>;
/** The language picked with the Language control; src/main.ts applies and remembers it. */
export type LocaleChangeEvent = CustomEvent<{ locale: string }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'p2p-blob-submit': BlobSubmitEvent;
    'p2p-chat-send': ChatSendEvent;
    'p2p-locale-change': LocaleChangeEvent;
  }
}

export function intent<T>(type: keyof GlobalEventHandlersEventMap, detail: T): CustomEvent<T> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

import type { Subscribable } from '../events/typed-event-target.ts';
import type { SinkFactory } from './file-sink.ts';

/**
 * The only type a received file is ever given, whatever the sender said or its name suggests: a
 * Save link opened in a new tab then downloads instead of rendering the peer's HTML at our origin.
 */
export const INERT_FILE_TYPE = 'application/octet-stream';

/**
 * Where this device writes the files it accepts, and keeps the verified ones for Save. Supplied by
 * the platform: the browser's private file system, memory in tests, a directory in a terminal.
 */
export interface ReceivedFiles extends Subscribable<{ change: Event }> {
  sinkFor(id: string): Promise<SinkFactory>;
  /** The verified file (of type INERT_FILE_TYPE), once its sink closed; fires 'change' when one arrives. */
  saved(id: string): Blob | undefined;
  /** Deletes what earlier sessions wrote (their files were only ever held until saved). */
  clear(): Promise<void>;
}

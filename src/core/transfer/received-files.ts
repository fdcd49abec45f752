import type { Subscribable } from '../events/typed-event-target.ts';
import type { SinkFactory } from './file-sink.ts';

/**
 * Where this device writes the files it accepts, and keeps the verified ones for Save. Supplied by
 * the platform: the browser's private file system, memory in tests, a directory in a terminal.
 */
export interface ReceivedFiles extends Subscribable<{ change: Event }> {
  sinkFor(id: string): Promise<SinkFactory>;
  /** The verified file, once its sink closed; fires 'change' when one arrives. */
  saved(id: string): Blob | undefined;
  /** Deletes what earlier sessions wrote (their files were only ever held until saved). */
  clear(): Promise<void>;
}

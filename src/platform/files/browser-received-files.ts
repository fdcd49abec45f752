import { TypedEventTarget } from '../../core/events/typed-event-target.ts';
import { BlobPartsSink } from '../../core/transfer/blob-parts-sink.ts';
import type { SinkFactory } from '../../core/transfer/file-sink.ts';
import { INERT_FILE_TYPE, type ReceivedFiles } from '../../core/transfer/received-files.ts';
import { clearReceivedFiles, opfsSinkFactory } from './opfs-sink.ts';

/**
 * Accepted files go to the Origin Private File System where the browser has writable OPFS files
 * (memory stays bounded), else to Blob parts (the browser may page them to disk). Either way the
 * kept file's type is INERT_FILE_TYPE.
 */
export class BrowserReceivedFiles extends TypedEventTarget<{ change: Event }> implements ReceivedFiles {
  private readonly verified = new Map<string, Blob>();
  private opfs: Promise<((id: string) => SinkFactory) | undefined> | undefined;

  async sinkFor(id: string): Promise<SinkFactory> {
    this.opfs ??= opfsSinkFactory((savedId, file) => this.keep(savedId, file));
    const opfs = await this.opfs;
    if (opfs) return opfs(id);
    // The sender's type is never used: see INERT_FILE_TYPE.
    return () => new BlobPartsSink(INERT_FILE_TYPE, undefined, (blob) => this.keep(id, blob));
  }

  saved(id: string): Blob | undefined {
    return this.verified.get(id);
  }

  async clear(): Promise<void> {
    this.verified.clear();
    await clearReceivedFiles();
    // The factory holds the folder just deleted: the next file needs a fresh one.
    this.opfs = undefined;
  }

  private keep(id: string, file: Blob): void {
    this.verified.set(id, file);
    this.notify('change');
  }
}

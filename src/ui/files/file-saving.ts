import { BlobPartsSink } from '../../core/transfer/blob-parts-sink.ts';
import type { SinkFactory } from '../../core/transfer/file-sink.ts';
import { opfsSinkFactory } from './opfs-sink.ts';

/**
 * Where accepted files are written: the Origin Private File System where the browser has
 * writable OPFS files (memory stays bounded), else Blob parts (the browser may page them to disk).
 * Keeps each verified file so the user can save it.
 */
export class FileSaving {
  readonly saved = new Map<string, File | Blob>();
  private opfs: Promise<((id: string) => SinkFactory) | undefined> | undefined;

  constructor(private readonly onSaved: () => void) {}

  async sinkFor(id: string): Promise<SinkFactory> {
    this.opfs ??= opfsSinkFactory((savedId, file) => {
      this.saved.set(savedId, file);
      this.onSaved();
    });
    const opfs = await this.opfs;
    if (opfs) return opfs(id);
    return (info) => {
      const sink = new BlobPartsSink(info.mimeType);
      const close = sink.close.bind(sink);
      sink.close = async () => {
        await close();
        if (sink.blob) this.saved.set(id, sink.blob);
        this.onSaved();
      };
      return sink;
    };
  }
}

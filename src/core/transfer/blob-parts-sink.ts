import type { FileSink } from './file-sink.ts';

/**
 * A sink for browsers without OPFS: chunks are gathered into Blob parts of partBytes each.
 * Pending chunks never exceed partBytes of JS memory; a finished part is a Blob, which Chromium
 * and Firefox may keep outside the JS heap (on disk for large sizes). `blob` is set on close.
 */
export class BlobPartsSink implements FileSink {
  blob: Blob | undefined;
  private readonly parts: Blob[] = [];
  private pending: Uint8Array<ArrayBuffer>[] = [];
  private pendingBytes = 0;
  private finished = false;

  constructor(
    private readonly mimeType = '',
    private readonly partBytes = 4 * 1024 * 1024,
    /** Called with the finished file once close() has assembled it. */
    private readonly onClosed: (blob: Blob) => void = () => {},
  ) {}

  async write(chunk: Uint8Array<ArrayBuffer>): Promise<void> {
    if (this.finished) throw new Error('sink is closed');
    this.pending.push(chunk);
    this.pendingBytes += chunk.byteLength;
    if (this.pendingBytes >= this.partBytes) this.flush();
  }

  async close(): Promise<void> {
    this.flush();
    this.finished = true;
    this.blob = new Blob(this.parts, { type: this.mimeType });
    this.parts.length = 0;
    this.onClosed(this.blob);
  }

  async abort(): Promise<void> {
    this.finished = true;
    this.pending = [];
    this.parts.length = 0;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(new Blob(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }
}

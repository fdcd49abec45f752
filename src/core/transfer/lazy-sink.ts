import type { FileInfo, FileSink, SinkFactory } from './file-sink.ts';

/**
 * The sink of an accepted file, created only when first needed (once its channel opened), and
 * aborted once only: an abort may come before the sink exists, or while it is being created
 * (a slow save dialog), and then applies to it as soon as it arrives.
 */
export class LazySink {
  private sink: FileSink | undefined;
  private opening = false;
  private aborted = false;

  constructor(
    private readonly create: SinkFactory,
    private readonly file: FileInfo,
  ) {}

  /** Creates the sink the first time; rejects if the factory does. */
  async open(): Promise<void> {
    if (this.opening || this.aborted) return;
    this.opening = true;
    this.sink = await this.create(this.file);
    if (this.aborted) void this.sink.abort().catch(() => {});
  }

  write(chunk: Uint8Array<ArrayBuffer>): Promise<void> {
    return this.sink!.write(chunk);
  }

  close(): Promise<void> {
    return this.sink!.close();
  }

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    void this.sink?.abort().catch(() => {});
  }
}

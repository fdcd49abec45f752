/** What both sides know about an offered file; name and type come from the sender's File. */
export interface FileInfo {
  readonly name: string;
  readonly size: number;
  /** The sender's File.type; may be empty. Never trust it for how to open the file. */
  readonly mimeType: string;
}

/**
 * Where received bytes go, one chunk at a time and in order; the receiver awaits each write
 * before the next, and acknowledges only bytes whose write resolved, so a slow sink slows the
 * sender instead of filling memory. A sink may resolve a write before the bytes are on disk
 * (BatchingSink) if what it holds unwritten stays bounded; close() resolves once all are written.
 * The UI provides OPFS (opfs-sink.ts), or BlobPartsSink.
 *
 * close() is called only after the SHA-256 matched: a sink that was not closed holds no usable
 * file. abort() is called on cancel and on any failure, and must discard what was written.
 * A chunk is never reused by the caller, so the sink may keep it, or transfer its buffer away.
 */
export interface FileSink {
  write(chunk: Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Called when the receiver starts a transfer it accepted. An OPFS sink that appends to a partial
 * file pairs with `accept(id, factory, { resumeWith: partialFile })`.
 */
export type SinkFactory = (file: FileInfo) => FileSink | Promise<FileSink>;

/** Readable bytes, e.g. a partial file to resume: a Blob satisfies it. Read a window at a time, never all. */
export interface ByteSource {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export interface AcceptOptions {
  /** The bytes already held from an earlier attempt (e.g. a partial OPFS file); the sender skips them. */
  readonly resumeWith?: ByteSource;
  /** Window for hashing resumeWith. */
  readonly readWindowBytes?: number;
}

/** What the sender sends: a File satisfies it. The sender streams it, holding one frame at a time. */
export interface FileSource {
  readonly name: string;
  readonly type: string;
  readonly size: number;
  slice(start: number, end: number): { stream(): ReadableStream<Uint8Array> };
}

/** Reads [start, end) from a Blob-like source. */
export async function readRange(source: ByteSource, start: number, end: number): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await source.slice(start, end).arrayBuffer());
}

/** Feeds [0, end) of source to update, readWindowBytes at a time, so memory stays bounded. */
export async function forEachWindow(
  source: ByteSource,
  end: number,
  readWindowBytes: number,
  update: (bytes: Uint8Array<ArrayBuffer>) => void,
): Promise<void> {
  for (let start = 0; start < end; start += readWindowBytes) {
    update(await readRange(source, start, Math.min(end, start + readWindowBytes)));
  }
}

import { BatchingSink } from '../../core/transfer/batching-sink.ts';
import type { FileInfo, FileSink, SinkFactory } from '../../core/transfer/file-sink.ts';
import { OpfsWorkerSink } from './opfs-worker-sink.ts';

/** Received files wait here until saved; cleared when a new session starts or the page loads. */
const FOLDER = 'received';

/**
 * Writes received bytes to the Origin Private File System: memory stays bounded whatever the
 * file size, and the finished file is a disk-backed File that the browser downloads by streaming.
 * Writes in a worker through a synchronous access handle where that works (cheapest, and the only
 * way in Safari), else through a writable stream; undefined where neither does (then the caller
 * uses BlobPartsSink).
 */
export async function opfsSinkFactory(onSaved: (id: string, file: File) => void): Promise<((id: string) => SinkFactory) | undefined> {
  const folder = await receivedFolder();
  if (!folder) return undefined;
  const inWorker = await workerSinkWorks();
  if (!inWorker && !(await writableWorks(folder))) return undefined;
  return (id: string) => async (info: FileInfo) => {
    // The transfer id keeps two files with the same name apart.
    const name = `${id}-${safeName(info.name)}`;
    const handle = await folder.getFileHandle(name, { create: true });
    const saved = async () => onSaved(id, await handle.getFile());
    if (inWorker) return new BatchingSink(await OpfsWorkerSink.open(FOLDER, name, saved));
    const writable = await handle.createWritable({ keepExistingData: false });
    return new OpfsSink(writable, saved, () => folder.removeEntry(handle.name));
  };
}

/** Deletes what earlier sessions left behind; harmless where OPFS is missing. */
export async function clearReceivedFiles(): Promise<void> {
  const root = await navigator.storage?.getDirectory?.().catch(() => undefined);
  await root?.removeEntry(FOLDER, { recursive: true }).catch(() => undefined);
}

async function receivedFolder(): Promise<FileSystemDirectoryHandle | undefined> {
  try {
    const root = await navigator.storage.getDirectory();
    return await root.getDirectoryHandle(FOLDER, { create: true });
  } catch {
    return undefined;
  }
}

/** Opens and discards a probe file through the worker: sync access handles exist only in workers. */
async function workerSinkWorks(): Promise<boolean> {
  try {
    const probe = await OpfsWorkerSink.open(FOLDER, '.probe-worker', async () => {});
    await probe.abort();
    return true;
  } catch {
    return false;
  }
}

async function writableWorks(folder: FileSystemDirectoryHandle): Promise<boolean> {
  try {
    const probe = await folder.getFileHandle('.probe', { create: true });
    const works = typeof probe.createWritable === 'function';
    await folder.removeEntry('.probe');
    return works;
  } catch {
    return false;
  }
}

function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').slice(0, 120) || 'file';
}

/**
 * Each write() of a writable stream is a round trip to the browser process; writing 1 MiB at a
 * time instead of every frame (up to 256 KiB) cuts those, and 1 MiB is all the memory it holds.
 */
const COALESCE_BYTES = 1024 * 1024;

class OpfsSink implements FileSink {
  private pending: Uint8Array<ArrayBuffer>[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly writable: FileSystemWritableFileStream,
    private readonly onClosed: () => Promise<void>,
    private readonly remove: () => Promise<void>,
  ) {}

  async write(chunk: Uint8Array<ArrayBuffer>): Promise<void> {
    this.pending.push(chunk);
    this.pendingBytes += chunk.byteLength;
    if (this.pendingBytes >= COALESCE_BYTES) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    await this.writable.close();
    await this.onClosed();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const joined = new Uint8Array(this.pendingBytes);
    let offset = 0;
    for (const part of this.pending) {
      joined.set(part, offset);
      offset += part.byteLength;
    }
    this.pending = [];
    this.pendingBytes = 0;
    await this.writable.write(joined);
  }

  async abort(): Promise<void> {
    this.pending = [];
    this.pendingBytes = 0;
    await this.writable.abort().catch(() => undefined);
    await this.remove().catch(() => undefined);
  }
}

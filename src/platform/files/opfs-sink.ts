import { BatchingSink, type BatchWriter } from '../../core/transfer/batching-sink.ts';
import type { FileInfo, SinkFactory } from '../../core/transfer/file-sink.ts';
import { INERT_FILE_TYPE } from '../../core/transfer/received-files.ts';
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
export async function opfsSinkFactory(onSaved: (id: string, file: Blob) => void): Promise<((id: string) => SinkFactory) | undefined> {
  const folder = await receivedFolder();
  if (!folder) return undefined;
  const inWorker = await workerSinkWorks();
  if (!inWorker && !(await writableWorks(folder))) return undefined;
  return (id: string) => async (info: FileInfo) => {
    // The transfer id keeps two files with the same name apart.
    const name = `${id}-${safeName(info.name)}`;
    const handle = await folder.getFileHandle(name, { create: true });
    // getFile() types the file by its name's extension, which the peer chose: a slice retypes it
    // without copying the bytes.
    const saved = async () => {
      const file = await handle.getFile();
      onSaved(id, file.slice(0, file.size, INERT_FILE_TYPE));
    };
    if (inWorker) return new BatchingSink(await OpfsWorkerSink.open(FOLDER, name, saved));
    const writable = await handle.createWritable({ keepExistingData: false });
    return new BatchingSink(new OpfsWritableWriter(writable, saved, () => folder.removeEntry(handle.name)), { maxBatchesInFlight: 0 });
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
 * Each write() of a writable stream is a round trip to the browser process; writing batches of
 * 1 MiB (BatchingSink) instead of every frame (up to 256 KiB) cuts those. One write at a time:
 * nothing has measured whether overlapping them helps on this path.
 */
class OpfsWritableWriter implements BatchWriter {
  constructor(
    private readonly writable: FileSystemWritableFileStream,
    private readonly onClosed: () => Promise<void>,
    private readonly remove: () => Promise<void>,
  ) {}

  async writeBatch(chunks: Uint8Array<ArrayBuffer>[]): Promise<void> {
    const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
    chunks.reduce((offset, chunk) => (joined.set(chunk, offset), offset + chunk.byteLength), 0);
    await this.writable.write(joined);
  }

  async close(): Promise<void> {
    await this.writable.close();
    await this.onClosed();
  }

  async abort(): Promise<void> {
    await this.writable.abort().catch(() => undefined);
    await this.remove().catch(() => undefined);
  }
}

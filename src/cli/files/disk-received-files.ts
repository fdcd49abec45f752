import { randomUUID } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { constants, copyFile, link, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { TypedEventTarget } from '../../core/events/typed-event-target.ts';
import { BatchingSink, type BatchWriter } from '../../core/transfer/batching-sink.ts';
import type { SinkFactory } from '../../core/transfer/file-sink.ts';
import type { ReceivedFiles } from '../../core/transfer/received-files.ts';
import { numberedName, safeFileName } from './safe-file-name.ts';

export interface SavedFile {
  readonly path: string;
  /** The peer's name was taken in the folder, so the file got a numbered one. */
  readonly renamed: boolean;
}

/**
 * Received files written into one folder. Bytes go to a hidden part file next to the destination
 * (same file system, so the final step is a rename); only after the SHA-256 matched does the file
 * get its name, so a failed or canceled transfer never leaves a half file under a real name.
 * Without `overwrite` an existing file is never replaced: the name gets " (1)", " (2)"…
 */
export class DiskReceivedFiles extends TypedEventTarget<{ change: Event }> implements ReceivedFiles {
  private readonly files = new Map<string, SavedFile & { blob: Blob }>();

  constructor(
    readonly directory: string,
    private readonly overwrite = false,
  ) {
    super();
  }

  async sinkFor(id: string): Promise<SinkFactory> {
    return async (info) => {
      const partPath = join(this.directory, `.p2p-direct-${randomUUID()}.part`);
      const handle = await open(partPath, 'wx', 0o600);
      const writer: BatchWriter = {
        writeBatch: (chunks) => writeAll(handle, chunks),
        close: async () => {
          await handle.close();
          const saved = await this.place(partPath, safeFileName(info.name));
          this.files.set(id, { ...saved, blob: await openAsBlob(saved.path) });
          this.notify('change');
        },
        abort: async () => {
          await handle.close().catch(() => undefined);
          await unlink(partPath).catch(() => undefined);
        },
      };
      return new BatchingSink(writer, { batchBytes: 4 * 1024 * 1024, maxBatchesInFlight: 1 });
    };
  }

  /** Where a verified file was written. */
  savedFile(id: string): SavedFile | undefined {
    return this.files.get(id);
  }

  saved(id: string): Blob | undefined {
    return this.files.get(id)?.blob;
  }

  /** Files written here are the user's: nothing is deleted (unfinished part files are removed by their sinks). */
  async clear(): Promise<void> {}

  private async place(partPath: string, name: string): Promise<SavedFile> {
    if (this.overwrite) {
      const path = join(this.directory, name);
      await rename(partPath, path);
      return { path, renamed: false };
    }
    for (let n = 0; ; n++) {
      const path = join(this.directory, numberedName(name, n));
      try {
        await placeExclusively(partPath, path);
        return { path, renamed: n > 0 };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }
}

/**
 * Moves the part file to a name that must not exist yet, failing with EEXIST if it does. link()
 * is atomic (no check-then-write race with other programs); a file system without hard links
 * (FAT, exFAT, some network shares) gets an exclusive copy instead.
 */
async function placeExclusively(partPath: string, path: string): Promise<void> {
  try {
    await link(partPath, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    await copyFile(partPath, path, constants.COPYFILE_EXCL);
  }
  await unlink(partPath);
}

async function writeAll(handle: FileHandle, chunks: Uint8Array<ArrayBuffer>[]): Promise<void> {
  let pending = chunks;
  while (pending.length > 0) {
    const { bytesWritten } = await handle.writev(pending);
    pending = remainderAfter(pending, bytesWritten);
  }
}

/** What writev left unwritten: a short write can stop in the middle of a chunk. */
function remainderAfter(chunks: Uint8Array<ArrayBuffer>[], written: number): Uint8Array<ArrayBuffer>[] {
  let skip = written;
  const rest: Uint8Array<ArrayBuffer>[] = [];
  for (const chunk of chunks) {
    if (skip >= chunk.byteLength) skip -= chunk.byteLength;
    else {
      rest.push(skip > 0 ? chunk.subarray(skip) : chunk);
      skip = 0;
    }
  }
  return rest;
}

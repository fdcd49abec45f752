/**
 * Module worker that writes one received file into the Origin Private File System through a
 * synchronous access handle. Writing there is a plain file write at an offset; a writable stream
 * on the main thread turns every write into a Blob copied to the browser process, which took
 * 15 % of the receiving page's main thread at 7 MB/s (bench:transfer profile). It also works in
 * Safari, which has no createWritable(). Started by opfs-sink.ts, one worker per file.
 */

/** The slice of FileSystemSyncAccessHandle used here (only in lib.webworker, not in lib.dom). */
interface SyncAccessHandle {
  write(buffer: ArrayBufferView, options: { at: number }): number;
  truncate(size: number): void;
  close(): void;
}

export type OpfsWorkerRequest =
  | { readonly op: 'open'; readonly folder: string; readonly name: string }
  /** The chunks' buffers are transferred; the worker keeps nothing after writing them. */
  | { readonly op: 'write'; readonly chunks: readonly Uint8Array<ArrayBuffer>[] }
  | { readonly op: 'close' }
  | { readonly op: 'abort' };

export type OpfsWorkerReply = { readonly ok: true } | { readonly ok: false; readonly error: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<OpfsWorkerRequest>) => void) | null;
  postMessage(reply: OpfsWorkerReply): void;
}

let folder: FileSystemDirectoryHandle | undefined;
let fileName = '';
let handle: SyncAccessHandle | undefined;
let written = 0;
/** After a failed write the file has a hole, so every later write fails too. */
let writeFailure: string | undefined;

async function run(request: OpfsWorkerRequest): Promise<void> {
  switch (request.op) {
    case 'open': {
      const root = await navigator.storage.getDirectory();
      folder = await root.getDirectoryHandle(request.folder, { create: true });
      fileName = request.name;
      const file = (await folder.getFileHandle(fileName, { create: true })) as FileSystemFileHandle & {
        createSyncAccessHandle(): Promise<SyncAccessHandle>;
      };
      handle = await file.createSyncAccessHandle();
      handle.truncate(0);
      return;
    }
    case 'write':
      if (writeFailure) throw new Error(writeFailure);
      try {
        for (const chunk of request.chunks) {
          if (handle!.write(chunk, { at: written }) !== chunk.byteLength) throw new Error('short write (disk full?)');
          written += chunk.byteLength;
        }
      } catch (error) {
        writeFailure = String(error);
        throw error;
      }
      return;
    case 'close':
      // No flush(): that is an fsync (160–175 ms for 256 MiB here), and durability buys nothing
      // for a file the page deletes on its next load; what was written is readable without it.
      handle!.close();
      handle = undefined;
      return;
    case 'abort':
      handle?.close();
      handle = undefined;
      await folder?.removeEntry(fileName);
  }
}

if ('WorkerGlobalScope' in globalThis) {
  const scope = globalThis as unknown as WorkerScope;
  // Requests run one after another: a write must not start before the open has finished.
  let queue = Promise.resolve();
  scope.onmessage = ({ data }) => {
    queue = queue.then(() =>
      run(data).then(
        () => scope.postMessage({ ok: true }),
        (error: unknown) => scope.postMessage({ ok: false, error: String(error) }),
      ),
    );
  };
}

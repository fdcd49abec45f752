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
  flush(): void;
  close(): void;
}

export type OpfsWorkerRequest =
  | { readonly op: 'open'; readonly folder: string; readonly name: string }
  /** The chunk's buffer is transferred; the worker keeps nothing after writing it. */
  | { readonly op: 'write'; readonly chunk: Uint8Array<ArrayBuffer> }
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
    case 'write': {
      const bytes = request.chunk.byteLength;
      if (handle!.write(request.chunk, { at: written }) !== bytes) throw new Error('short write (disk full?)');
      written += bytes;
      return;
    }
    case 'close':
      handle!.flush();
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

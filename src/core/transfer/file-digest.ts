import { sha256 } from '@noble/hashes/sha2.js';

/**
 * Bytes per block of the file digest. Protocol: both sides must cut the file the same way.
 * Chromium's WebCrypto hashes on the calling thread and copies its input first: 1.2–1.4 GB/s for
 * 64–512 KiB inputs here, but 160–200 MB/s for 1–4 MiB ones (npm run bench:digest).
 */
export const DIGEST_BLOCK_BYTES = 256 * 1024;

/**
 * Hashes one block with SHA-256. It must have read the block by the time it returns (the buffer
 * is reused at once); the digest may come later.
 */
export type BlockHasher = (block: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>;

/** Native (SHA instructions where the CPU has them); WebCrypto copies its input when called. */
export const webCryptoBlockHasher: BlockHasher = async (block) => new Uint8Array(await crypto.subtle.digest('SHA-256', block));

/** For pages without WebCrypto: crypto.subtle exists only in secure contexts, not on http://192.168.x.y. */
export const javaScriptBlockHasher: BlockHasher = async (block) => sha256(block);

export function defaultBlockHasher(): BlockHasher {
  return typeof globalThis.crypto?.subtle?.digest === 'function' ? webCryptoBlockHasher : javaScriptBlockHasher;
}

/**
 * The end-to-end digest of a file: the SHA-256 of the SHA-256 digests of its 256 KiB blocks, in
 * order (a hash list; the last block may be shorter; an empty file has no blocks). Fed in any
 * slicing, it gives the same result. Why not one streaming SHA-256: browsers only offer one-shot
 * WebCrypto digests, and SHA-256 in JavaScript (@noble/hashes, ~180 MiB/s) took a tenth of each
 * page's main thread during a transfer, where WebCrypto uses the CPU's SHA instructions
 * (bench:transfer, docs/benchmarks.md). Changing a 32-byte digest in a file changes the result as
 * surely as changing the file does, so the check is as strong as SHA-256 itself.
 */
export class FileDigest {
  private block: Uint8Array<ArrayBuffer> | undefined;
  private blockBytes = 0;
  private readonly outer = sha256.create();
  /** Block digests are folded into outer in file order, whenever each one is ready. */
  private folded: Promise<void> = Promise.resolve();

  constructor(private readonly hashBlock: BlockHasher = defaultBlockHasher()) {}

  update(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.byteLength) {
      if (this.blockBytes === 0 && bytes.byteLength - at >= DIGEST_BLOCK_BYTES) {
        this.fold(bytes.subarray(at, at + DIGEST_BLOCK_BYTES) as Uint8Array<ArrayBuffer>);
        at += DIGEST_BLOCK_BYTES;
        continue;
      }
      const block = (this.block ??= new Uint8Array(DIGEST_BLOCK_BYTES));
      const take = Math.min(DIGEST_BLOCK_BYTES - this.blockBytes, bytes.byteLength - at);
      block.set(bytes.subarray(at, at + take), this.blockBytes);
      this.blockBytes += take;
      at += take;
      if (this.blockBytes === DIGEST_BLOCK_BYTES) this.foldPendingBlock();
    }
  }

  /** Call once, after the last update. */
  async digest(): Promise<Uint8Array> {
    if (this.blockBytes > 0) this.foldPendingBlock();
    await this.folded;
    return this.outer.digest();
  }

  private foldPendingBlock(): void {
    this.fold(this.block!.subarray(0, this.blockBytes));
    this.blockBytes = 0;
  }

  private fold(block: Uint8Array<ArrayBuffer>): void {
    const blockDigest = this.hashBlock(block);
    blockDigest.catch(() => {}); // surfaces through folded, possibly after it has settled
    this.folded = this.folded.then(async () => void this.outer.update(await blockDigest));
  }
}

/** Compares in constant time: how much of a digest matched says nothing about the file. */
export function digestsEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let difference = 0;
  for (let i = 0; i < a.byteLength; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

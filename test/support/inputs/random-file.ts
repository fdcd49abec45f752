import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, openSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { tempDirForThisProcess } from './temp-dir.ts';

let folder: string | undefined;

/** A path in this process's scratch folder (created on first use), for files a test writes or saves. */
export function scratchPath(name: string): string {
  folder ??= tempDirForThisProcess('p2p-files-');
  return join(folder, name);
}

/** A file of random bytes on disk, written in 1 MiB pieces (never all in memory). */
export function randomFile(name: string, bytes: number): string {
  const path = scratchPath(name);
  const fd = openSync(path, 'w');
  for (let written = 0; written < bytes; written += 1 << 20) writeSync(fd, randomBytes(Math.min(1 << 20, bytes - written)));
  closeSync(fd);
  return path;
}

export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

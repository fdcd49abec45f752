import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh directory under the system's temporary folder that is deleted when this process exits.
 * Test files of hundreds of MiB left behind by every run filled this machine's disk (73 GB in
 * /tmp), and a nearly full ext4 disk slows the very writes that bench:transfer measures.
 */
export function tempDirForThisProcess(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the e2e run keeps its temporary files: global-setup.ts creates it, passes it to the test
 * processes in this variable, and deletes it when the run ends. Vitest stops its test processes
 * without letting them exit normally, so they cannot be trusted to clean up after themselves.
 */
export const TEST_TEMP_ENV = 'P2P_TEST_TEMP_DIR';

/**
 * A fresh temporary directory, deleted when this process exits normally (a bench) or when the
 * e2e run ends. Test files of hundreds of MiB that every run left behind had filled this
 * machine's disk (73 GB in /tmp), and a nearly full disk slows the writes that bench:transfer
 * measures.
 */
export function tempDirForThisProcess(prefix: string): string {
  const dir = mkdtempSync(join(process.env[TEST_TEMP_ENV] ?? tmpdir(), prefix));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

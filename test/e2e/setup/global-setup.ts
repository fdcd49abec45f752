import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { TEST_TEMP_ENV } from '../../support/inputs/temp-dir.ts';
import { buildAndServe } from '../../support/serve/built-page.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the page once and serves dist/ from a sub-path, as a user's static host would. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { url, server } = await buildAndServe('/some/sub/path/');
  project.provide('baseUrl', url);
  // Set before the test processes start, which inherit it.
  const temp = (process.env[TEST_TEMP_ENV] = mkdtempSync(join(tmpdir(), 'p2p-e2e-')));
  return async () => {
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(temp, { recursive: true, force: true });
  };
}

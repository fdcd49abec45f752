import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server.ts';
import { TEST_TEMP_ENV } from './temp-dir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the page once and serves dist/ from a sub-path, as a user's static host would. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = resolve(import.meta.dirname, '../../..');
  // Vitest sets NODE_ENV=test, which would make Vite resolve Lit's development build.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ root, logLevel: 'warn' });
  } finally {
    process.env['NODE_ENV'] = nodeEnv;
  }
  const { url, server } = await serveStatic(resolve(root, 'dist'), '/some/sub/path/');
  project.provide('baseUrl', url);
  // Set before the test processes start, which inherit it.
  const temp = (process.env[TEST_TEMP_ENV] = mkdtempSync(join(tmpdir(), 'p2p-e2e-')));
  return async () => {
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(temp, { recursive: true, force: true });
  };
}

import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { build } from 'vite';
import { serveStatic } from './static-server.ts';

/** The repository root: its index.html and vite.config.ts make the page. */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export interface ServedPage {
  readonly url: string;
  readonly server: Server;
  /** The folder served, holding the build. */
  readonly dist: string;
}

/** Builds the page into dist/ as it is deployed, and serves it under `prefix` (a sub-path, as on GitHub Pages). */
export async function buildAndServe(prefix: string): Promise<ServedPage> {
  // Vitest sets NODE_ENV=test, which would make Vite resolve Lit's development build.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({ root: REPO_ROOT, logLevel: 'warn' });
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  const dist = resolve(REPO_ROOT, 'dist');
  return { ...(await serveStatic(dist, prefix)), dist };
}

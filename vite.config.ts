import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';

const SW_SOURCE = 'src/pwa/sw.ts';

/**
 * Writes dist/sw.js after the build: src/pwa/sw.ts bundled on its own, preceded by the list of
 * files to precache with the SHA-256 of each (the worker checks every file it downloads against
 * it) and a version hash of them all and of the worker. Runs once everything (public/ and the QR
 * worker included) is on disk, so the list is exactly what a static host will serve. Source maps
 * and dot-directories (.vite/) are left out: nobody needs them offline.
 */
function serviceWorker(): Plugin {
  let root = '';
  return {
    name: 'p2p-service-worker',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async writeBundle({ dir }) {
      if (!dir) return;
      const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).replaceAll('\\', '/'))
        .filter((path) => path !== 'sw.js' && !path.endsWith('.map') && !path.split('/').some((part) => part.startsWith('.')))
        .sort();
      const precache: Record<string, string> = {};
      for (const path of files) {
        // './' rather than 'index.html': every static host serves the directory, while some
        // redirect …/index.html to it.
        precache[path === 'index.html' ? './' : path] = createHash('sha256').update(await readFile(join(dir, path))).digest('hex');
      }
      const body = await bundleWorker(root);
      const version = createHash('sha256').update(JSON.stringify(precache)).update(body).digest('hex').slice(0, 16);
      const header = `const PRECACHE = ${JSON.stringify(precache)};\nconst VERSION = '${version}';\n`;
      await writeFile(join(dir, 'sw.js'), header + body);
    },
  };
}

/**
 * sw.ts and its imports as one classic script (module service workers are not everywhere yet),
 * unminified: it is small, and readable in the browser's devtools. A build of its own with no
 * config file, so this plugin does not run again inside it.
 */
async function bundleWorker(root: string): Promise<string> {
  const output = (await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: { write: false, minify: false, target: 'es2022', lib: { entry: SW_SOURCE, formats: ['iife'], name: 'p2pServiceWorker' } },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const [chunk] = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
  if (chunk?.type !== 'chunk') throw new Error(`${SW_SOURCE}: the bundle has no script`);
  return chunk.code;
}

// base './' makes every asset URL relative, so the same dist/ works at a host's root,
// under a GitHub Pages sub-path such as /my-repo/, or opened from an offline LAN server.
export default defineConfig({
  base: './',
  build: { target: 'es2022', sourcemap: true },
  plugins: [serviceWorker()],
});

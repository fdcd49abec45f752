import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';

const SW_SOURCE = 'src/pwa/sw.ts';

/**
 * Writes dist/sw.js after the build: src/pwa/sw.ts without its types, preceded by the list of files
 * to precache and a hash of their contents. Runs once everything (public/ and the QR worker
 * included) is on disk, so the list is exactly what a static host will serve. Source maps and
 * dot-directories (.vite/) are left out: nobody needs them offline.
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
      const hash = createHash('sha256');
      for (const path of files) hash.update(`${path}\0`).update(await readFile(join(dir, path)));
      // './' rather than 'index.html': every static host serves the directory, while some redirect
      // …/index.html to it.
      const precache = files.map((path) => (path === 'index.html' ? './' : path));
      const source = await transformWithOxc(await readFile(join(root, SW_SOURCE), 'utf8'), SW_SOURCE, { lang: 'ts' });
      // A classic script (module service workers are not everywhere yet): drop the TS module marker.
      const body = source.code.replace(/^export\s*\{\s*\};?\s*$/m, '');
      const header = `const PRECACHE = ${JSON.stringify(precache)};\nconst VERSION = '${hash.digest('hex').slice(0, 16)}';\n`;
      await writeFile(join(dir, 'sw.js'), header + body);
    },
  };
}

// base './' makes every asset URL relative, so the same dist/ works at a host's root,
// under a GitHub Pages sub-path such as /my-repo/, or opened from an offline LAN server.
export default defineConfig({
  base: './',
  build: { target: 'es2022', sourcemap: true },
  plugins: [serviceWorker()],
});

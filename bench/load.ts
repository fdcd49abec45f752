/**
 * First-load weight of the production build: what a browser fetches before the page can be used,
 * what waits until a feature needs it, and what the service worker downloads afterwards for
 * offline use. Builds into a temporary directory (dist/ is left alone). Pure file sizes, no browser.
 *
 *   npm run bench:load
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

const root = resolve(import.meta.dirname, '..');
/** Wide enough for "assets/fallback-compression-<hash>.js (import())". */
const LABEL_WIDTH = 52;
const outDir = mkdtempSync(join(tmpdir(), 'p2p-bench-load-'));

interface ChunkInfo {
  readonly isEntry: boolean;
  readonly imports: readonly string[];
  readonly modules: Record<string, { readonly renderedLength: number }>;
}
const chunks = new Map<string, ChunkInfo>();
const recordChunks: Plugin = {
  name: 'bench-load-record-chunks',
  generateBundle(_options, bundle) {
    for (const [file, output] of Object.entries(bundle)) {
      if (output.type === 'chunk') chunks.set(file, { isEntry: output.isEntry, imports: output.imports, modules: output.modules });
    }
  },
};

try {
  await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false }, plugins: [recordChunks] });
  report();
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

function report(): void {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  // What index.html pulls in (script, stylesheet; not the manifest and icons, which do not block
  // the page), plus the static imports of its scripts.
  const initial = new Set<string>(['index.html']);
  for (const [, url] of html.matchAll(/<(?:script|link rel="stylesheet")[^>]*(?:src|href)="\.\/([^"]+)"/g)) addWithImports(url!, initial);

  const precache = Object.keys(JSON.parse(/const PRECACHE = (\{.*\});/.exec(readFileSync(join(outDir, 'sw.js'), 'utf8'))![1]!) as object);
  const files = precache.map((path) => (path === './' ? 'index.html' : path));
  const onDemand = files.filter((file) => file.endsWith('.js') && !initial.has(file));

  console.log('First load: fetched before the page can be used');
  const first = sizes([...initial]);
  console.log(line('total', first.raw, first.gzip));
  const firstJs = sizes([...initial].filter((file) => file.endsWith('.js')), false);
  console.log(line('of which JavaScript', firstJs.raw, firstJs.gzip));
  console.log('\nOn demand: fetched when a feature needs it (a worker script is bundled on its own)');
  for (const file of onDemand) sizes([file], true, chunks.has(file) ? 'import()' : 'worker');
  console.log('\nAfter load: the service worker precaches everything for offline use (+ sw.js)');
  const all = sizes(files, false);
  console.log(line(`${files.length} files`, all.raw, all.gzip));

  const entry = [...chunks].find(([, chunk]) => chunk.isEntry);
  if (entry) console.log(`\nEntry chunk ${entry[0]} by source (share of its code before minification)\n${shares(entry[1])}`);
}

function addWithImports(file: string, into: Set<string>): void {
  if (into.has(file)) return;
  into.add(file);
  for (const imported of chunks.get(file)?.imports ?? []) addWithImports(imported, into);
}

function sizes(files: readonly string[], print = true, note = ''): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(outDir, file));
    const zipped = gzipSync(bytes, { level: 9 }).length;
    if (print) console.log(line(note ? `${file} (${note})` : file, bytes.length, zipped));
    raw += bytes.length;
    gzip += zipped;
  }
  return { raw, gzip };
}

function line(label: string, raw: number, gzip: number): string {
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`.padStart(9);
  return `  ${label.padEnd(LABEL_WIDTH)} ${kB(raw)}   gzip ${kB(gzip)}`;
}

/** Groups modules by npm package, or by source folder (src/core/signal, src/ui/components, …). */
function shares(chunk: ChunkInfo): string {
  const totals = new Map<string, number>();
  for (const [id, module] of Object.entries(chunk.modules)) {
    const packagePath = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1];
    const group = packagePath ?? /(src\/[^/]+(?:\/[^/]+(?=\/))?)/.exec(id)?.[1] ?? 'other';
    totals.set(group, (totals.get(group) ?? 0) + module.renderedLength);
  }
  const sum = [...totals.values()].reduce((a, b) => a + b, 0);
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([group, length]) => `  ${group.padEnd(LABEL_WIDTH)} ${((100 * length) / sum).toFixed(0).padStart(3)} %`)
    .join('\n');
}

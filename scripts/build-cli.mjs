/**
 * Bundles the terminal peer (src/cli/main.ts and the core it shares with the page) into one file,
 * cli-dist/p2p-direct.mjs, which the package's `bin` runs: `npx p2p-direct` needs no TypeScript
 * loader. node-datachannel stays outside: its native binary is installed with the package.
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'cli-dist/p2p-direct.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['node-datachannel', 'node-datachannel/*'],
  // Bundled CommonJS packages (qrcode) call require() for Node's built-ins; ESM has none of its own.
  banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
});

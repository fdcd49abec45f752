import { defineConfig } from 'vite';

// base './' makes every asset URL relative, so the same dist/ works at a host's root,
// under a GitHub Pages sub-path such as /my-repo/, or opened from an offline LAN server.
export default defineConfig({
  base: './',
  build: { target: 'es2022', sourcemap: true },
});

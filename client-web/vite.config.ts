/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// The server (build/greenroom serve) serves dist/ under a strict CSP:
// no inline scripts or styles, everything from 'self'. Keep it that way:
// no plugins that inject inline code, no CDN URLs.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    // The module-preload polyfill is not needed by the browsers we support,
    // and keeping it out guarantees nothing inline ends up in index.html.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs except images (img-src allows data:).
    assetsInlineLimit: 0,
  },
  server: {
    // `npm run dev` talks to a local `greenroom serve` (self-signed TLS).
    proxy: {
      '/api': { target: process.env.GREENROOM_URL ?? 'https://127.0.0.1:8443', secure: false, changeOrigin: false },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The checkout renderer. The same build is served by Electron's `app://` protocol and by the
 * loopback web host, hence relative asset URLs (`base: './'`). Both hosts send a CSP with
 * `script-src 'self'` and `style-src 'self'` (src-main/security/content-security-policy.ts):
 * the build must emit only external scripts and stylesheets, which is Vite's production output
 * as long as nothing below asks for inlining (`assetsInlineLimit` only inlines images/fonts as
 * data: URLs, never scripts; we turn it off to keep every asset a plain file).
 * https://vite.dev/config/build-options
 */
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // The module preload polyfill is for browsers without <link rel="modulepreload">; Chromium has it.
    modulePreload: { polyfill: false },
    sourcemap: true,
  },
  server: { strictPort: true },
});

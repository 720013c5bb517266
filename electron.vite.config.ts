import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'

const root = import.meta.dirname

/**
 * The dev server injects styles inline and talks over a websocket; the strict CSP in
 * renderer/index.html is relaxed for `electron-vite dev` only, never in a build.
 */
function devCsp(): Plugin {
  return {
    name: 'lesesaal-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
  }
}

// The layout is electron/{main,preload,cli,web} and renderer/, not electron-vite's src/ default.
export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      target: 'node22',
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          cli: resolve(root, 'electron/cli/run.ts'),
          web: resolve(root, 'electron/web/index.ts'),
          // heavy work (imports, dictionaries, index rebuilds) runs in this worker thread
          'job-worker': resolve(root, 'electron/core/jobs/worker.ts'),
          // a large import's files are read and extracted ahead in this one
          'extract-worker': resolve(root, 'electron/core/import/ahead/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // sandboxed preloads must be CommonJS
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), devCsp()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      // fonts and images as files: the CSP allows no data: fonts
      assetsInlineLimit: 0,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
})

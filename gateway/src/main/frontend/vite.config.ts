import { defineConfig } from 'vitest/config';

// The gateway serves the portal from its classpath (static/), so the build writes straight into target/classes.
export default defineConfig({
  base: '/',
  build: {
    outDir: '../../../target/classes/static',
    emptyOutDir: true,
    // a strict CSP (script-src 'self') must never meet an inline script or a data: module
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    // `npm run dev`: the API is the gateway (or the fake API of e2e/) on the same origin
    proxy: {
      '/api': process.env.PORTAL_API ?? 'http://localhost:8080',
      '/auth': process.env.PORTAL_API ?? 'http://localhost:8080',
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});

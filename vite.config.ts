import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    // The entry chunk is React + React Flow + the engine (about 640 kB, 200 kB gzipped); the heavy
    // parts (mathjs, KaTeX, elkjs, uPlot, the exporters, the training worker) load on demand.
    chunkSizeWarningLimit: 700,
  },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
  },
});

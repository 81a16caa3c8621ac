import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    // The entry chunk is React + React Flow + the engine (about 630 kB, 205 kB gzipped, December 2026); the heavy
    // parts load on demand, elkjs (1.46 MB, only on Auto-layout) the largest of them, then mathjs,
    // KaTeX, uPlot, the exporters and the training worker.
    chunkSizeWarningLimit: 1500,
  },
  preview: { port: 4173, strictPort: false },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
  },
});

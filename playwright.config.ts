import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// PW_PORT lets two runs on one machine (two engineers, or a run beside `npm start`) not collide:
// each builds into its own folder and serves on its own port.
const PORT = Number(process.env.PW_PORT ?? 4173);
const OUT_DIR = `node_modules/.e2e-dist-${PORT}`;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const debianChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './tests/e2e',
  timeout: 60_000,
  workers: 1, // 2-core machine: keep browser tests serial
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    headless: true,
    actionTimeout: 10_000,
    viewport: { width: 1400, height: 860 },
    launchOptions: {
      // Playwright cannot download browsers here; use Debian's chromium when it is present.
      executablePath: existsSync(debianChromium) ? debianChromium : undefined,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // Build first so the preview always serves the current code.
    command: `npx vite build --outDir ${OUT_DIR} --emptyOutDir && npx vite preview --outDir ${OUT_DIR} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

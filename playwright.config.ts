import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { testServerPort } from './tests/support/free-port.ts';

// The tests serve their own build on a free port of their own (PW_PORT pins one), so they run
// beside `npm start` on 4173, a dev server or another checkout's tests: each run builds into its
// own folder, and never reuses or stops a server it did not start.
const PORT = await testServerPort();
const OUT_DIR = `node_modules/.e2e-dist-${PORT}`;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const debianChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Tests start as a returning user who closed the welcome (src/onboarding/onboardingStore.ts):
// the state closing it leaves. tests/e2e/onboarding.spec.ts starts from empty storage instead.
const WELCOME_CLOSED = {
  cookies: [],
  origins: [{ origin: BASE_URL, localStorage: [{ name: 'graphgrad.welcome-dismissed', value: 'closed on an earlier visit' }] }],
};

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
    // The app follows the browser's language; tests read English unless they choose otherwise.
    locale: 'en-US',
    storageState: WELCOME_CLOSED,
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

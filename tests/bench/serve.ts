/**
 * For the UI benchmarks: build the app, serve it on a free port of its own (PW_PORT pins one),
 * run `measure` with its URL, stop the server.
 */
import { execSync, spawn } from 'node:child_process';
import { freeTestPort, testServerPort } from '../support/free-port.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function waitForServer(url: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

export async function withBuiltApp(measure: (url: string) => Promise<void>): Promise<void> {
  const port = await testServerPort();
  console.log(`Building the app, to serve on port ${port}...`);
  const outDir = `node_modules/.bench-dist-${port}`;
  execSync(`npx vite build --outDir ${outDir} --emptyOutDir`, { stdio: 'ignore' });
  await serve(outDir, port, measure);
}

/**
 * Serves an app already built into `outDir` (another checkout's, say) while `measure` runs: on
 * BENCH_COMPARE_PORT, or a free port.
 */
export async function withServedDist(outDir: string, measure: (url: string) => Promise<void>): Promise<void> {
  const pinned = Number(process.env.BENCH_COMPARE_PORT);
  await serve(outDir, Number.isInteger(pinned) && pinned > 0 ? pinned : await freeTestPort(), measure);
}

async function serve(outDir: string, port: number, measure: (url: string) => Promise<void>): Promise<void> {
  const server = spawn('npx', ['vite', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForServer(url);
    await measure(url);
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

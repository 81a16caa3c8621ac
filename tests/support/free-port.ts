/**
 * Ports for the browser tests and the UI benchmarks. They serve their own build on a port of their
 * own, so they run beside `npm start` (4173), `npm run dev` or another checkout's tests, and never
 * reuse or stop a server they did not start.
 */
import { createServer } from 'node:net';

/** The port `npm start` serves the editor on; test servers keep off it. */
export const APP_PORT = 4173;
/** Where test servers start looking, well clear of the app's port and Vite's dev port (5173). */
const TEST_PORT_START = 4310;

/** True when nothing on 127.0.0.1 holds `port` (we bind it for a moment and let go). */
export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/**
 * The first free port from `start` (never the app's), for a test server: the same port run after
 * run while it is free, so the build folder named after it is reused.
 */
export async function freeTestPort(start = TEST_PORT_START, tries = 100): Promise<number> {
  for (let port = start; port < start + tries; port++) {
    if (port !== APP_PORT && (await isFree(port))) return port;
  }
  throw new Error(`No free port between ${start} and ${start + tries - 1} for the test server; set PW_PORT to one that is free.`);
}

/**
 * The port a test run serves on: PW_PORT when set (the user pinned it), else a free one. The choice
 * is written back to PW_PORT so Playwright's worker processes, which load the config again, agree.
 */
export async function testServerPort(): Promise<number> {
  const pinned = process.env.PW_PORT;
  if (pinned) {
    const port = Number(pinned);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PW_PORT must be a port number, not "${pinned}".`);
    return port;
  }
  const port = await freeTestPort();
  process.env.PW_PORT = String(port);
  return port;
}

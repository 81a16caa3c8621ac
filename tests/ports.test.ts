// `npm test` beside `npm start`: the browser tests serve on a free port of their own, so an editor
// (or anything else) listening on 4173 neither breaks the run nor gets reused or stopped by it.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { APP_PORT, freeTestPort, isFree, testServerPort } from './support/free-port.ts';

const servers: Server[] = [];
/** Listens on `port` as another program would; undefined when someone already holds it. */
function hold(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const s = createServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\nnot graphgrad'));
    s.once('error', () => resolve(undefined));
    s.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      servers.push(s);
      resolve(s);
    });
  });
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  delete process.env.PW_PORT;
});

describe('test server ports', () => {
  it("skips a port someone holds, and never picks the app's 4173", async () => {
    const first = await freeTestPort();
    expect(await hold(first)).toBeDefined();
    expect(await isFree(first)).toBe(false);
    const next = await freeTestPort();
    expect(next).not.toBe(first);
    expect(await isFree(next)).toBe(true);
    // Even when told to start right at the app's port, the search steps over it.
    expect(await freeTestPort(APP_PORT, 2)).not.toBe(APP_PORT);
  });

  it('keeps a port pinned with PW_PORT and refuses one that is not a port', async () => {
    process.env.PW_PORT = '4391';
    expect(await testServerPort()).toBe(4391);
    process.env.PW_PORT = 'abc';
    await expect(testServerPort()).rejects.toThrow('PW_PORT must be a port number, not "abc"');
  });

  it("hands the chosen port to Playwright's workers through PW_PORT", async () => {
    delete process.env.PW_PORT;
    const port = await testServerPort();
    expect(process.env.PW_PORT).toBe(String(port));
  });

  it('runs the browser tests while another server listens on 4173, and leaves that server alone', async () => {
    // Whoever holds 4173 (this test, or an editor the developer left running) keeps it throughout.
    await hold(APP_PORT);
    expect(await isFree(APP_PORT)).toBe(false);
    const env = { ...process.env };
    delete env.PW_PORT;
    // `npm run test:unit` can come first on a fresh machine: fetch the browser the way test:e2e does.
    const browser = spawnSync('node', ['tests/support/ensure-chromium.mjs'], { encoding: 'utf8', timeout: 600_000 });
    expect(browser.status, `${browser.stdout}\n${browser.stderr}`).toBe(0);
    const run = spawnSync('npx', ['playwright', 'test', 'tests/e2e/first-visit.spec.ts'], { env, encoding: 'utf8', timeout: 240_000 });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('1 passed');
    expect(await isFree(APP_PORT)).toBe(false);
  }, 900_000);
});

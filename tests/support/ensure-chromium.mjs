// Browser tests and the UI benchmark need Chromium. Playwright cannot download its own browser on
// this network, so we use Debian's `chromium` package, installing it when it is missing.
// Never skip silently: if no browser can be had, fail with a message that says what to do.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
try {
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Chromium not found at ${path}; installing Debian's chromium package...`);
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
      shell: '/bin/bash',
    });
  } else {
    console.log(`Chromium not found at ${path}; installing Playwright's Chromium...`);
    execSync('npx playwright install chromium', { stdio: 'inherit' });
  }
} catch {
  console.error('Could not install Chromium. Install it yourself and set CHROMIUM_PATH to its executable.');
  process.exit(1);
}
if (!existsSync(path) && !process.env.CHROMIUM_PATH) {
  // Playwright's own browser: the config falls back to it when /usr/bin/chromium is absent.
  process.exit(0);
}

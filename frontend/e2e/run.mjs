// End-to-end test of the web app against the real cocreate server binary.
//
//   npm run build && npm run e2e
//
// Starts `$COCREATE_BIN serve` (default ../target/debug/cocreate) on a fresh SQLite database in
// a temporary directory, serving this app from dist/, waits for its "listening" line, drives
// Debian's Chromium through playwright-core, and stops the server at the end. On failure a
// screenshot goes to e2e/artifacts/. No sleeps: every wait is on a condition, with a timeout.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const FRONTEND_DIR = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const SERVER_BIN = path.resolve(
  FRONTEND_DIR,
  process.env.COCREATE_BIN ?? '../target/debug/cocreate',
);
const WEB_DIST = path.join(FRONTEND_DIR, 'dist');
const ARTIFACTS_DIR = path.join(FRONTEND_DIR, 'e2e', 'artifacts');
const SERVER_START_TIMEOUT_MS = Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 60_000);
const STEP_TIMEOUT_MS = 15_000;
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const LISTENING = /^cocreate listening on (http:\/\/\S+)\s*$/;

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // `which` exits non-zero when chromium is not on PATH.
  }
  return '/usr/bin/chromium';
}

/** Start the server and resolve with its base URL once it says it is listening. */
function startServer() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cocreate-e2e-'));
  const child = spawn(SERVER_BIN, ['serve'], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${dataDir}/e2e.db`,
      DATA_DIR: dataDir,
      BIND_ADDR: '127.0.0.1:0',
      WEB_DIST,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = [];
  const remember = (line) => {
    log.push(line);
    if (log.length > 200) log.shift();
  };
  createInterface({ input: child.stderr }).on('line', remember);
  const stdout = createInterface({ input: child.stdout });

  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`server did not report listening within ${SERVER_START_TIMEOUT_MS} ms`));
    }, SERVER_START_TIMEOUT_MS);
    stdout.on('line', (line) => {
      remember(line);
      const match = LISTENING.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${SERVER_BIN}: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening (code ${code}, signal ${signal})`));
    });
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  // Never leave a server behind, even if the runner is interrupted.
  process.once('exit', () => child.kill('SIGKILL'));

  return { ready, stop, log };
}

let server;
let baseUrl;
let browser;

before(async () => {
  assert.ok(
    existsSync(path.join(WEB_DIST, 'index.html')),
    `no built web app in ${WEB_DIST}: run "npm run build" first`,
  );
  assert.ok(existsSync(SERVER_BIN), `no server binary at ${SERVER_BIN} (set COCREATE_BIN)`);
  server = startServer();
  try {
    baseUrl = await server.ready;
  } catch (error) {
    console.error(server.log.join('\n'));
    throw error;
  }
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Run `steps` in a fresh page; on failure keep a screenshot and what the page and server said. */
async function withPage(t, contextOptions, steps) {
  const context = await browser.newContext({ locale: 'en-US', ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  try {
    await steps(page);
  } catch (error) {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const file = path.join(ARTIFACTS_DIR, `${t.name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`screenshot: ${file}\nurl: ${page.url()}`);
    if (consoleErrors.length) console.error(`browser errors:\n${consoleErrors.join('\n')}`);
    console.error(`server output (last lines):\n${server.log.slice(-40).join('\n')}`);
    throw error;
  } finally {
    await context.close();
  }
}

/** No serious or critical axe-core findings (labels, names, contrast, roles) on the page. */
async function assertAccessible(page, where) {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const { violations } = await page.evaluate(() => window.axe.run());
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(serious, [], `accessibility problems on ${where}`);
}

const htmlLang = (page, lang) =>
  page.waitForFunction((expected) => document.documentElement.lang === expected, lang);

test('a visitor signs up, stays signed in across a reload, switches language and signs out', async (t) => {
  const unique = `${Date.now()}-${process.pid}`;
  const email = `e2e-${unique}@example.com`;
  const displayName = `Tester ${unique.slice(-6)}`;
  const password = 'a long enough password';

  await withPage(t, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await page.goto(baseUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await htmlLang(page, 'en');
    await assertAccessible(page, 'the home page');

    // Sign up: the new account is signed in at once and named in the header.
    await page.getByTestId('signup-link').click();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Display name', { exact: true }).fill(displayName);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    const accountButton = page.getByTestId('account-menu-button');
    await accountButton.filter({ hasText: displayName }).waitFor();
    assert.equal(await page.getByTestId('signin-link').count(), 0);

    // The access token lives in memory only.
    const stored = await page.evaluate(() => JSON.stringify({ ...window.localStorage }));
    assert.ok(!/token/i.test(stored), `localStorage holds a token: ${stored}`);

    // A reload restores the session from the refresh cookie.
    await page.reload();
    await accountButton.filter({ hasText: displayName }).waitFor();
    assert.equal(await page.getByTestId('signin-link').count(), 0);

    // The account page shows the account, also when loaded directly.
    await accountButton.click();
    await page.getByTestId('account-link').click();
    await page.getByTestId('account-email').filter({ hasText: email }).waitFor();
    await assertAccessible(page, 'the account page');
    await page.reload();
    await page.getByTestId('account-email').filter({ hasText: email }).waitFor();

    // French, remembered across a reload, and back to English.
    await page.getByTestId('language-fr').click();
    await htmlLang(page, 'fr');
    await page.getByRole('heading', { name: 'Votre compte' }).waitFor();
    await page.getByRole('link', { name: 'Créer', exact: true }).waitFor();
    await page.reload();
    await htmlLang(page, 'fr');
    await page.getByRole('heading', { name: 'Votre compte' }).waitFor();
    await page.getByTestId('language-en').click();
    await htmlLang(page, 'en');
    await page.getByRole('heading', { name: 'Your account' }).waitFor();

    // Sign out: back home, signed out, and still signed out after a reload.
    await accountButton.click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-link').waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    await page.reload();
    await page.getByTestId('signin-link').waitFor();
    assert.equal(await accountButton.count(), 0);
  });
});

test('on a phone the navigation folds behind a menu button', async (t) => {
  await withPage(t, { viewport: { width: 390, height: 844 }, isMobile: true }, async (page) => {
    await page.goto(baseUrl);
    const designLink = page.getByTestId('nav-design');
    await page.getByTestId('menu-toggle').waitFor();
    assert.equal(await designLink.isVisible(), false);

    await page.getByTestId('menu-toggle').click();
    await designLink.waitFor();
    await designLink.click();
    await page.getByRole('heading', { level: 1, name: 'Design' }).waitFor();
    await designLink.waitFor({ state: 'hidden' });
  });
});

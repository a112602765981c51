// The end-to-end tests' shared set-up: the real cocreate server binary on a fresh SQLite
// database (optionally with the demo data), Debian's Chromium through playwright-core, a
// screenshot and the page's and server's last words on failure, and axe-core checks. Every wait
// is on a condition with a timeout, never a sleep.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before } from 'node:test';
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
/** Every demo account's password (src/demo/mod.rs). */
export const DEMO_PASSWORD = 'cocreate-demo';
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

/**
 * Start the server (after loading the demo data when `seedDemo`) and resolve with its base URL
 * once it says it is listening.
 */
function startServer({ seedDemo }) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cocreate-e2e-'));
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite://${dataDir}/e2e.db`,
    DATA_DIR: dataDir,
    BIND_ADDR: '127.0.0.1:0',
    WEB_DIST,
  };
  if (seedDemo) {
    for (const command of ['migrate', 'seed-demo']) {
      execFileSync(SERVER_BIN, [command], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    }
  }
  const child = spawn(SERVER_BIN, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
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

/**
 * Registers the suite's `before` and `after` hooks and returns what its tests use; `baseUrl`
 * and `browser` are set once the `before` hook has run.
 */
export function setUp({ seedDemo = false } = {}) {
  let server;
  const ctx = {
    baseUrl: undefined,
    browser: undefined,
    withPage,
    assertAccessible,
    api,
    logIn,
    STEP_TIMEOUT_MS,
  };

  before(async () => {
    assert.ok(
      existsSync(path.join(WEB_DIST, 'index.html')),
      `no built web app in ${WEB_DIST}: run "npm run build" first`,
    );
    assert.ok(existsSync(SERVER_BIN), `no server binary at ${SERVER_BIN} (set COCREATE_BIN)`);
    server = startServer({ seedDemo });
    try {
      ctx.baseUrl = await server.ready;
    } catch (error) {
      console.error(server.log.join('\n'));
      throw error;
    }
    ctx.browser = await chromium.launch({
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
    await ctx.browser?.close();
    await server?.stop();
  });

  /** Call the JSON API; fails the test on any other status than `expect`. */
  async function api(method, apiPath, { token, body, expect = 200 } = {}) {
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${ctx.baseUrl}/api/v1${apiPath}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
    });
    const text = await response.text();
    assert.equal(
      response.status,
      expect,
      `${method} ${apiPath} answered ${response.status}: ${text}`,
    );
    return text ? JSON.parse(text) : undefined;
  }

  /** Sign a demo account in through the API; resolves with the session. */
  function logIn(email) {
    return api('POST', '/auth/login', { body: { email, password: DEMO_PASSWORD } });
  }

  /** Run `steps` in a fresh page; on failure keep a screenshot and what the page and server said. */
  async function withPage(t, contextOptions, steps) {
    const context = await ctx.browser.newContext({ locale: 'en-US', ...contextOptions });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    try {
      await steps(page, context);
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

  return ctx;
}

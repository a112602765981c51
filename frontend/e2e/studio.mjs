// End-to-end test of the design studio against the real cocreate server binary.
//
//   npm run build && node e2e/studio.mjs
//
// Part of `npm run e2e`. The server's database gets the demo data (`seed-demo`) first.
// Same set-up as e2e/run.mjs: `$COCREATE_BIN serve` (default ../target/debug/cocreate) on a
// fresh SQLite database, Debian's Chromium through playwright-core, a screenshot in
// e2e/artifacts/ on failure, and every wait on a condition, never a sleep.
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

/** Migrate and load the demo (the brand's templates), then serve; resolve with the base URL. */
function startServer() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cocreate-e2e-studio-'));
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite://${dataDir}/e2e.db`,
    DATA_DIR: dataDir,
    BIND_ADDR: '127.0.0.1:0',
    WEB_DIST,
  };
  for (const command of ['migrate', 'seed-demo']) {
    execFileSync(SERVER_BIN, [command], { env, stdio: ['ignore', 'ignore', 'inherit'] });
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

async function assertAccessible(page, where) {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const { violations } = await page.evaluate(() => window.axe.run());
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(serious, [], `accessibility problems on ${where}`);
}

/** Wait until the live panel has priced the current selection, and return its price text. */
async function settledPrice(page) {
  await page.locator('[data-testid="quote-panel"][aria-busy="false"]').waitFor();
  const price = page.getByTestId('quote-price');
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="quote-price"]')?.textContent ?? '—') !== '—',
  );
  return (await price.textContent()).trim();
}

async function isReady(page) {
  await settledPrice(page);
  return (await page.getByTestId('quote-ready').textContent()).trim() === 'Ready to publish';
}

async function signUp(page, unique) {
  await page.getByLabel('Email', { exact: true }).fill(`studio-${unique}@example.com`);
  await page.getByLabel('Display name', { exact: true }).fill(`Creator ${unique.slice(-6)}`);
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
}

test('a creator designs from the first template, publishes it and lands on its page', async (t) => {
  const unique = `${Date.now()}-${process.pid}`;
  const designName = `E2E burger ${unique.slice(-6)}`;

  await withPage(t, { viewport: { width: 1280, height: 900 } }, async (page, context) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.goto(`${baseUrl}/design`);
    await page.getByRole('heading', { level: 1, name: 'Design' }).waitFor();
    const cards = page.getByTestId('template-card');
    await cards.first().waitFor();
    assert.ok((await cards.count()) > 0, 'no templates: the demo data should bring some');
    await assertAccessible(page, 'the studio home');

    // Starting a design needs an account: sign-in, then sign-up, brings the visitor back.
    await cards.first().getByRole('link').click();
    await page.waitForURL(/\/signin\?next=/);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await signUp(page, unique);
    await page.waitForURL(/\/design\/new\//);
    await page.getByTestId('studio').waitFor();

    const firstPrice = await settledPrice(page);
    const allergensAtStart = (await page.getByTestId('quote-allergens').textContent()).trim();

    // Pick options group by group, following the panel's "still to do" list, until ready.
    for (let round = 0; round < 20 && !(await isReady(page)); round += 1) {
      await page.getByTestId('unfinished').getByRole('button').first().click();
      const group = page.locator('fieldset.option-group:focus-within');
      const free = group
        .locator('li.option-card:not(.option-card-none) input:not(:checked):not(:disabled)')
        .first();
      await free.check();
    }
    assert.ok(await isReady(page), 'the design never became ready to publish');
    const allergensWhenReady = (await page.getByTestId('quote-allergens').textContent()).trim();
    assert.notEqual(allergensWhenReady, allergensAtStart, 'the allergens follow the choices');
    await assertAccessible(page, 'the studio');

    // An option that costs extra changes the price.
    const before = await settledPrice(page);
    const extra = page
      .locator('li.option-card[data-selected="false"][data-disabled="false"]')
      .filter({ has: page.locator('.option-price', { hasText: '+' }) })
      .first();
    await extra.locator('input').check();
    await page.waitForFunction(
      (previous) =>
        document.querySelector('[data-testid="quote-panel"]')?.getAttribute('aria-busy') ===
          'false' &&
        document.querySelector('[data-testid="quote-price"]')?.textContent?.trim() !== previous,
      before,
    );
    const after = await settledPrice(page);
    assert.notEqual(after, firstPrice);
    assert.ok(await isReady(page), 'an extra option should not make the design unfinished');

    // Words, then publish: the studio saves the draft and goes to the public page.
    await page.getByLabel('Name', { exact: true }).fill(designName);
    await page.getByLabel('Story', { exact: true }).fill('Made by a robot.\n<b>Not bold</b>');
    await page.getByLabel('Tags', { exact: true }).fill('e2e, robot-made');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.waitForURL(/\/d\/[^/]+$/);
    const slug = new URL(page.url()).pathname.split('/').pop();
    assert.ok(slug, 'the public address has a slug');

    await page.getByRole('heading', { level: 1, name: designName }).waitFor();
    assert.equal((await page.getByTestId('design-price').textContent()).trim(), after);
    assert.equal(
      await page.getByTestId('design-story').textContent(),
      'Made by a robot.\n<b>Not bold</b>',
    );
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByTestId('copy-status').filter({ hasText: 'Link copied.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    await assertAccessible(page, 'the design page');

    // A link to the page unfurls: Open Graph and Twitter tags in the served HTML, and a
    // 1200 x 630 PNG behind og:image.
    const html = await (await fetch(`${baseUrl}/d/${slug}`)).text();
    const meta = (key) => new RegExp(`"${key}" content="([^"]*)"`).exec(html)?.[1];
    assert.ok(meta('og:title')?.startsWith(designName), `og:title in ${html.slice(0, 400)}`);
    assert.equal(meta('twitter:card'), 'summary_large_image');
    const image = meta('og:image');
    assert.ok(image?.includes(`/d/${slug}/preview.png`), `og:image is ${image}`);
    const png = await fetch(new URL(new URL(image).pathname + new URL(image).search, baseUrl));
    assert.equal(png.status, 200);
    assert.equal(png.headers.get('content-type'), 'image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, 630]);

    // The design is listed among the creator's designs, published.
    await page.goto(`${baseUrl}/design`);
    const mine = page.getByTestId('my-design').filter({ hasText: designName });
    await mine.getByTestId('design-status').filter({ hasText: 'Published' }).waitFor();

    // Anyone can open the page without an account.
    const visitor = await browser.newContext({ locale: 'en-US' });
    try {
      const other = await visitor.newPage();
      await other.goto(`${baseUrl}/d/${slug}`);
      await other.getByRole('heading', { level: 1, name: designName }).waitFor({
        timeout: STEP_TIMEOUT_MS,
      });
      await other.getByRole('link', { name: 'Sign in to remix' }).waitFor();
    } finally {
      await visitor.close();
    }
  });
});

test('on a phone the studio keeps the price in a bar at the bottom', async (t) => {
  const unique = `${Date.now()}-${process.pid}-phone`;
  await withPage(t, { viewport: { width: 390, height: 844 }, isMobile: true }, async (page) => {
    await page.goto(`${baseUrl}/signup`);
    await signUp(page, unique);
    // Signed up once the form has gone (the menu button is there either way on a phone).
    await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
    await page.getByTestId('menu-toggle').waitFor();
    await page.goto(`${baseUrl}/design`);
    await page.getByTestId('template-card').first().getByRole('link').click();
    await page.getByTestId('studio').waitFor();

    const bar = page.getByTestId('studio-bar');
    await bar.waitFor();
    await settledPrice(page);
    const box = await bar.boundingBox();
    assert.ok(
      box && box.y + box.height <= 844 + 1 && box.y > 844 / 2,
      'the bar sits at the bottom',
    );
    await bar.getByRole('button', { name: 'Review and publish' }).click();
    await page.waitForFunction(() => {
      const panel = document.getElementById('studio-summary')?.getBoundingClientRect();
      return panel !== undefined && panel.top < window.innerHeight && panel.bottom > 0;
    });
    await assertAccessible(page, 'the studio on a phone');
  });
});

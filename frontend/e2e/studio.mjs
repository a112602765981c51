// End-to-end test of the design studio against the real cocreate server binary.
//
//   npm run build && node e2e/studio.mjs
//
// Part of `npm run e2e`. The server's database gets the demo data (`seed-demo`) first.
// Same set-up as e2e/run.mjs: `$COCREATE_BIN serve` (default ../target/debug/cocreate) on a
// fresh SQLite database, Debian's Chromium through playwright-core, a screenshot in
// e2e/artifacts/ on failure, and every wait on a condition, never a sleep.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setUp } from './harness.mjs';

const e2e = setUp({ seedDemo: true });
const { withPage, assertAccessible, STEP_TIMEOUT_MS } = e2e;

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
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.baseUrl });
    await page.goto(`${e2e.baseUrl}/design`);
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
    // The copied link says it was shared, so the server counts the visit it brings.
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      `${page.url()}?via=share`,
    );
    await assertAccessible(page, 'the design page');

    // A link to the page unfurls: Open Graph and Twitter tags in the served HTML, and a
    // 1200 x 630 PNG behind og:image.
    const html = await (await fetch(`${e2e.baseUrl}/d/${slug}`)).text();
    const meta = (key) => new RegExp(`"${key}" content="([^"]*)"`).exec(html)?.[1];
    assert.ok(meta('og:title')?.startsWith(designName), `og:title in ${html.slice(0, 400)}`);
    assert.equal(meta('twitter:card'), 'summary_large_image');
    const image = meta('og:image');
    assert.ok(image?.includes(`/d/${slug}/preview.png`), `og:image is ${image}`);
    const png = await fetch(new URL(new URL(image).pathname + new URL(image).search, e2e.baseUrl));
    assert.equal(png.status, 200);
    assert.equal(png.headers.get('content-type'), 'image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, 630]);

    // The design is listed among the creator's designs, published.
    await page.goto(`${e2e.baseUrl}/design`);
    const mine = page.getByTestId('my-design').filter({ hasText: designName });
    await mine.getByTestId('design-status').filter({ hasText: 'Published' }).waitFor();

    // Anyone can open the page without an account.
    const visitor = await e2e.browser.newContext({ locale: 'en-US' });
    try {
      const other = await visitor.newPage();
      await other.goto(`${e2e.baseUrl}/d/${slug}`);
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
    await page.goto(`${e2e.baseUrl}/signup`);
    await signUp(page, unique);
    // Signed up once the form has gone (the menu button is there either way on a phone).
    await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
    await page.getByTestId('menu-toggle').waitFor();
    await page.goto(`${e2e.baseUrl}/design`);
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

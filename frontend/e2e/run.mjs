// End-to-end test of the web app against the real cocreate server binary.
//
//   npm run build && npm run e2e
//
// Starts `$COCREATE_BIN serve` (default ../target/debug/cocreate) on a fresh SQLite database in
// a temporary directory, serving this app from dist/, waits for its "listening" line, drives
// Debian's Chromium through playwright-core, and stops the server at the end. On failure a
// screenshot goes to e2e/artifacts/. No sleeps: every wait is on a condition, with a timeout.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setUp } from './harness.mjs';

const e2e = setUp({ seedDemo: false });
const { withPage, assertAccessible } = e2e;

const htmlLang = (page, lang) =>
  page.waitForFunction((expected) => document.documentElement.lang === expected, lang);

test('a visitor signs up, stays signed in across a reload, switches language and signs out', async (t) => {
  const unique = `${Date.now()}-${process.pid}`;
  const email = `e2e-${unique}@example.com`;
  const displayName = `Tester ${unique.slice(-6)}`;
  const password = 'a long enough password';

  await withPage(t, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await page.goto(e2e.baseUrl);
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
    await page.goto(e2e.baseUrl);
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

// End-to-end test of the community loop against the real cocreate server binary: two voters
// rate a design, the top feed reorders as the lower bound says, the progress bars move, the
// design is shortlisted and its creator is notified.
//
//   npm run build && node --test e2e/community.mjs
//
// Part of `npm run e2e`. The server's database gets the demo data (`seed-demo`) first. Same
// set-up as e2e/run.mjs and e2e/studio.mjs (see e2e/harness.mjs): a fresh SQLite database,
// Debian's Chromium through playwright-core, a screenshot in e2e/artifacts/ on failure, and
// every wait on a condition, never a sleep. The HTTP API only reads the starting point and sets
// the brand's thresholds (an admin's job, not what this test is about); the ratings, the feed,
// the bars, the badge and the notification are all seen in the browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, setUp } from './harness.mjs';

const e2e = setUp({ seedDemo: true });
const { withPage, assertAccessible, api, logIn, STEP_TIMEOUT_MS } = e2e;

const ADMIN = 'admin@cocreate.demo';
// A demo creator with a published design that two 5-star ratings lift past a shortlisted one.
const CREATOR = 'tom@cocreate.demo';
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** The whole "top" feed, page after page. */
async function topFeed() {
  const items = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ sort: 'top', limit: '100' });
    if (cursor) query.set('cursor', cursor);
    const page = await api('GET', `/feed?${query.toString()}`);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

/**
 * Evan Miller's lower bound of a star rating (src/community/ranking.rs): a Dirichlet prior of
 * one rating per star and the normal approximation at z = 1.65.
 */
function lowerBound(histogram) {
  const n = histogram.reduce((sum, count) => sum + count, 0);
  let mean = 0;
  let mean2 = 0;
  histogram.forEach((count, index) => {
    const stars = index + 1;
    const weight = (count + 1) / (n + 5);
    mean += stars * weight;
    mean2 += stars * stars * weight;
  });
  return mean - 1.65 * Math.sqrt(Math.max(0, (mean2 - mean * mean) / (n + 6)));
}

const withFiveStars = (histogram) => [...histogram.slice(0, 4), histogram[4] + 1];

/** Whether a design's counted ratings meet these thresholds (what the server shortlists on). */
const meets = (ratings, t) =>
  ratings.count >= t.min_ratings &&
  ratings.lower_bound >= t.min_lower_bound &&
  (t.min_would_buy === null || ratings.would_buy_count >= t.min_would_buy);

async function signUp(page, who) {
  await page.getByLabel('Email', { exact: true }).fill(`${who}@example.com`);
  await page.getByLabel('Display name', { exact: true }).fill(`Voter ${who.slice(-10)}`);
  await page.getByLabel('Password', { exact: true }).fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** The promotion bar for a threshold ("Ratings", "Cautious average", "Would buy it"). */
const bar = (page, name) => page.getByRole('progressbar', { name, exact: true });

/** Wait until a progress bar shows `value` (aria-valuenow), and return the bar. */
async function barAt(page, name, value) {
  const progress = bar(page, name);
  await progress.and(page.locator(`[aria-valuenow="${value}"]`)).waitFor();
  return progress;
}

/** Rate the open design page: "I'd buy this", then five stars (which sends the rating). */
async function rateFiveStarsAndWouldBuy(page) {
  const form = page.getByTestId('rating-form');
  await form.getByRole('checkbox', { name: 'I’d buy this' }).check();
  // The stars are the radios' labels (the radios themselves are visually hidden): click one.
  const fiveStars = page.getByRole('radio', { name: '5 stars', exact: true });
  await form.locator('label.star-option').filter({ has: fiveStars }).click();
  await form.getByRole('status').filter({ hasText: 'Your rating is saved.' }).waitFor();
  assert.ok(await fiveStars.isChecked(), 'five stars are the saved rating');
  assert.ok(await form.getByRole('checkbox', { name: 'I’d buy this' }).isChecked());
}

/** The names of the designs the feed shows, top to bottom. */
const feedNames = (page) =>
  page.getByTestId('feed-card').getByRole('heading', { level: 2 }).allTextContents();

/** Wait until the feed shows `higher` above `lower`, and return the names shown. */
async function feedShowsAbove(page, higher, lower) {
  await page.waitForFunction(
    ([first, second]) => {
      const names = [...document.querySelectorAll('[data-testid="feed-card"] h2')].map((h) =>
        h.textContent.trim(),
      );
      const a = names.indexOf(first);
      const b = names.indexOf(second);
      return a !== -1 && b !== -1 && a < b;
    },
    [higher, lower],
    { timeout: STEP_TIMEOUT_MS },
  );
  return feedNames(page);
}

test('two votes shortlist a design: the top feed reorders, the bars fill and its creator hears', async (t) => {
  const unique = `${Date.now()}-${process.pid}`;

  // -- The starting point, read from the API. --------------------------------------------------
  const creator = await logIn(CREATOR);
  const { count: unreadBefore } = await api('GET', '/me/notifications/unread-count', {
    token: creator.access_token,
  });
  const feed = await topFeed();
  // Top is ordered by the lower bound, highest first, and the bound is Evan Miller's.
  feed.forEach((item, index) => {
    const expected = lowerBound(item.ratings.histogram);
    assert.ok(
      Math.abs(item.ratings.lower_bound - expected) < 1e-9,
      `${item.name}: lower bound ${item.ratings.lower_bound}, the formula says ${expected}`,
    );
    if (index > 0) {
      assert.ok(item.ratings.lower_bound <= feed[index - 1].ratings.lower_bound, 'top order');
    }
  });

  const targetIndex = feed.findIndex(
    (item) => item.creator_id === creator.account.id && item.status === 'published',
  );
  assert.ok(targetIndex > 0, `no published design by ${CREATOR} below another in Top`);
  const target = feed[targetIndex];
  const { ratings } = target;
  const boundAfterOne = lowerBound(withFiveStars(ratings.histogram));
  const boundAfterTwo = lowerBound(withFiveStars(withFiveStars(ratings.histogram)));
  // The design it overtakes: the highest one above it that two more 5-star ratings pass, and
  // that one more does not.
  const overtaken = feed
    .slice(0, targetIndex)
    .find((item) => item.ratings.lower_bound < boundAfterTwo);
  assert.ok(overtaken, `two 5-star ratings (${boundAfterTwo}) lift ${target.name} past nothing`);
  assert.ok(
    overtaken.ratings.lower_bound > boundAfterOne,
    `one rating (${boundAfterOne}) already lifts ${target.name} past ${overtaken.name}`,
  );

  // -- The brand's thresholds: met exactly when the second rating arrives. ---------------------
  const thresholds = {
    min_ratings: ratings.count + 2,
    min_lower_bound: Math.floor(boundAfterTwo * 100) / 100,
    min_would_buy: ratings.would_buy_count + 2,
    // New accounts' ratings count at once.
    min_account_age_days: 0,
    require_verified_email: false,
  };
  assert.ok(thresholds.min_lower_bound > boundAfterOne, 'one rating must not reach the bound');
  const alsoQualifying = feed.filter(
    (item) =>
      item.status === 'published' && item.id !== target.id && meets(item.ratings, thresholds),
  );
  assert.deepEqual(
    alsoQualifying.map((item) => item.name),
    [],
    'these thresholds would shortlist other designs at once',
  );
  const admin = await logIn(ADMIN);
  await api('PUT', '/brand/settings/promotion', { token: admin.access_token, body: thresholds });
  const before = await api('GET', `/designs/${target.id}`);
  assert.equal(before.status, 'published', 'the new thresholds alone shortlist the design');
  assert.deepEqual(
    before.ratings.histogram,
    ratings.histogram,
    'a pending rating started counting',
  );

  // -- The first voter: signs up from the design's page and rates it. ---------------------------
  await withPage(t, DESKTOP, async (page) => {
    await page.goto(`${e2e.baseUrl}/d/${target.slug}`);
    await page.getByRole('heading', { level: 1, name: target.name }).waitFor();
    const ratingsBar = await barAt(page, 'Ratings', ratings.count);
    assert.equal(await ratingsBar.getAttribute('aria-valuemax'), String(thresholds.min_ratings));
    await barAt(page, 'Would buy it', ratings.would_buy_count);

    await page.getByRole('link', { name: 'Sign in to rate' }).click();
    await page.waitForURL(/\/signin\?next=/);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await signUp(page, `voter-one-${unique}`);
    await page.waitForURL((url) => url.pathname === `/d/${target.slug}`);

    await rateFiveStarsAndWouldBuy(page);
    await barAt(page, 'Ratings', ratings.count + 1);
    await barAt(page, 'Would buy it', ratings.would_buy_count + 1);
    const boundBar = bar(page, 'Cautious average');
    assert.match(await boundBar.getAttribute('aria-valuetext'), /, Not yet$/);
    assert.equal(
      Number(await boundBar.getAttribute('aria-valuenow')).toFixed(4),
      boundAfterOne.toFixed(4),
    );
    assert.equal(await page.getByTestId('design-status').count(), 0, 'shortlisted too early');
    await assertAccessible(page, 'the design page after rating');
  });

  // -- The second voter: finds the design in Top, rates it, and goes back to Top. -------------
  await withPage(t, DESKTOP, async (page) => {
    await page.goto(`${e2e.baseUrl}/signup`);
    await signUp(page, `voter-two-${unique}`);
    await page.getByTestId('account-menu-button').waitFor();
    await page.getByTestId('nav-vote').click();
    await page
      .getByRole('navigation', { name: 'Sort the designs' })
      .getByRole('link', { name: 'Top', exact: true })
      .click();
    await page.waitForURL(
      (url) => url.pathname === '/vote' && url.searchParams.get('sort') === 'top',
    );
    // One rating is not enough to pass it.
    const namesBefore = await feedShowsAbove(page, overtaken.name, target.name);
    assert.deepEqual(
      namesBefore,
      (await topFeed()).slice(0, namesBefore.length).map((item) => item.name),
      'the page shows Top in the order of the lower bound',
    );
    await assertAccessible(page, 'the top feed');

    await page.getByRole('link', { name: target.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: target.name }).waitFor();
    await barAt(page, 'Ratings', ratings.count + 1);

    await rateFiveStarsAndWouldBuy(page);
    // Every bar is full, and the design is shortlisted.
    await barAt(page, 'Ratings', thresholds.min_ratings);
    await barAt(page, 'Cautious average', thresholds.min_lower_bound);
    await barAt(page, 'Would buy it', thresholds.min_would_buy);
    for (const name of ['Ratings', 'Cautious average', 'Would buy it']) {
      assert.match(await bar(page, name).getAttribute('aria-valuetext'), /, Reached$/, name);
    }
    await page.getByTestId('design-status').filter({ hasText: 'Shortlisted' }).waitFor();
    await page.getByText('The brand is considering it for the menu.').waitFor();
    await page
      .getByTestId('rank-explanation')
      .filter({ hasText: 'The brand has shortlisted it.' })
      .waitFor();

    // Back in Top, it now stands above the design it overtook, with its badge.
    await page.goBack();
    const namesAfter = await feedShowsAbove(page, target.name, overtaken.name);
    assert.deepEqual(
      namesAfter,
      (await topFeed()).slice(0, namesAfter.length).map((item) => item.name),
      'the page shows Top in the order of the lower bound',
    );
    await page
      .getByTestId('feed-card')
      .filter({ has: page.getByRole('link', { name: target.name, exact: true }) })
      .getByTestId('shortlisted-badge')
      .waitFor();
  });

  // The server agrees.
  const after = await api('GET', `/designs/${target.id}`);
  assert.equal(after.status, 'shortlisted');
  assert.equal(after.ratings.count, ratings.count + 2);

  // -- The creator: the bell says so, and the notification is there. ----------------------------
  await withPage(t, DESKTOP, async (page) => {
    await page.goto(`${e2e.baseUrl}/signin`);
    await page.getByLabel('Email', { exact: true }).fill(CREATOR);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const unread = unreadBefore + 1;
    const bell = page
      .getByTestId('notification-bell')
      .and(page.getByRole('link', { name: `Notifications, ${unread} unread`, exact: true }));
    await bell.waitFor();
    assert.equal((await page.getByTestId('unread-count').textContent()).trim(), String(unread));

    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const newest = page.getByTestId('notification').first();
    await newest
      .getByRole('link', { name: `The brand shortlisted your design ${target.name}`, exact: true })
      .waitFor();
    await newest.getByText('New', { exact: true }).waitFor();
    // Opening the page reads them all: the bell goes quiet.
    await page
      .getByTestId('notification-bell')
      .and(page.getByRole('link', { name: 'Notifications', exact: true }))
      .waitFor();
    await assertAccessible(page, 'the notifications page');

    // The notification leads to the design, shortlisted.
    await newest.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: target.name }).waitFor();
    await page.getByTestId('design-status').filter({ hasText: 'Shortlisted' }).waitFor();
  });
});

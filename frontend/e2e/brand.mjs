// End-to-end test of the brand's review against the real cocreate server binary: a curator
// claims the crowd favourite in the review queue and approves it with terms, its creator reads
// the offer and accepts it on a phone, and the design appears on the public menu at the price
// the curator set.
//
//   npm run build && node --test e2e/brand.mjs
//
// Part of `npm run e2e`. Same set-up as the other suites (see e2e/harness.mjs): a fresh SQLite
// database with the demo data, Debian's Chromium through playwright-core, a screenshot in
// e2e/artifacts/ on failure, and every wait on a condition, never a sleep. The HTTP API only
// reads the starting point (which design waits, who made it) and checks the end; the claim, the
// decision, the acceptance and the menu are all done and seen in the browser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, setUp } from './harness.mjs';

const e2e = setUp({ seedDemo: true });
const { withPage, assertAccessible, api, logIn } = e2e;

const CURATOR = 'curator@cocreate.demo';
const ADMIN = 'admin@cocreate.demo';
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function signIn(page, email) {
  await page.goto(`${e2e.baseUrl}/signin`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // On a phone the account menu sits behind the menu button: signed in is enough.
  await page.getByTestId('account-menu-button').waitFor({ state: 'attached' });
}

/** Today in the browser's time zone, as a date input wants it. */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Every live item on the public menu. */
async function menuItems() {
  const menu = await api('GET', '/menu');
  return menu.sections.flatMap((section) => section.items);
}

test('a curator approves a shortlisted design, its creator accepts, and it is on the menu', async (t) => {
  // -- The starting point, read from the API. --------------------------------------------------
  const curator = await logIn(CURATOR);
  const queue = await api('GET', '/brand/reviews', { token: curator.access_token });
  // The crowd favourite: in review, and the one the community talks about.
  const item = queue.items.find((i) => i.comments > 0);
  assert.ok(
    item,
    `no design in review with comments: ${JSON.stringify(queue.items.map((i) => i.design.name))}`,
  );
  const { design } = item;
  assert.equal(design.status, 'shortlisted');
  assert.equal(design.split.co_creators.length, 0, 'one creator, one acceptance');
  const admin = await logIn(ADMIN);
  const users = await api('GET', '/admin/users?limit=200', { token: admin.access_token });
  const creatorEmail = users.items.find((u) => u.id === design.creator.id)?.email;
  assert.ok(creatorEmail, 'the creator has a demo login');
  const menuBefore = await menuItems();
  assert.ok(!menuBefore.some((i) => i.design.id === design.id), 'not on the menu yet');

  // -- The curator: claims it in the queue and approves it with terms. -------------------------
  await withPage(t, DESKTOP, async (page) => {
    await signIn(page, CURATOR);
    await page.goto(`${e2e.baseUrl}/brand/reviews`);
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    const card = page
      .getByTestId('review-item')
      .filter({ has: page.getByRole('heading', { level: 2, name: design.name, exact: true }) });
    await card.getByTestId('review-due').waitFor();
    await card.getByTestId('claim-state').filter({ hasText: 'No one is reviewing it.' }).waitFor();
    await assertAccessible(page, 'the review queue');

    await card.getByRole('button', { name: `Claim ${design.name}`, exact: true }).click();
    await card.getByTestId('claim-state').filter({ hasText: 'Claimed by you until' }).waitFor();

    await card.getByRole('button', { name: `Decide on ${design.name}`, exact: true }).click();
    const form = card.getByTestId('decision-form');
    await form.getByRole('radio', { name: 'Approve for the menu' }).check();
    await form.getByLabel('Menu price (€)').fill('12.90');
    await form.getByLabel('Royalty: share of net line revenue (%)').fill('5');
    await form.getByLabel('Royalty per burger sold (€)').fill('0.25');
    await form.getByLabel('On the menu from').fill(today());
    await form
      .getByTestId('terms-preview')
      .filter({ hasText: '5% of net line revenue + €0.25 per burger sold' })
      .waitFor();
    await form
      .getByLabel('A word for the creators (optional)')
      .fill('Tasted and loved: welcome to the menu!');
    await form.getByRole('button', { name: 'Approve and make the offer' }).click();
    await page.getByText(`${design.name} is approved: its creators have the offer.`).waitFor();
  });

  // The server agrees: approved, offered, not yet on the menu.
  const offered = await api('GET', `/designs/${design.id}`);
  assert.equal(offered.status, 'approved');
  assert.equal(offered.review.reason, 'Tasted and loved: welcome to the menu!');
  assert.equal(offered.listing.state, 'offered');
  assert.deepEqual(offered.listing.price, { amount_minor: 1290, currency: 'EUR' });
  assert.ok(
    !(await menuItems()).some((i) => i.design.id === design.id),
    'an offer is not the menu',
  );

  // -- The creator, on a phone: the notification leads to the offer, which they accept. -------
  await withPage(t, PHONE, async (page) => {
    await signIn(page, creatorEmail);
    await page.getByTestId('notification-bell').click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page
      .getByTestId('notification')
      .first()
      .getByRole('link', { name: `The brand approved your design ${design.name} for the menu` })
      .click();
    await page.getByRole('heading', { level: 1, name: design.name }).waitFor();
    const listing = page.getByTestId('listing');
    await listing
      .getByTestId('royalty-words')
      .filter({ hasText: '5% of net line revenue + €0.25 per burger sold' })
      .waitFor();
    await listing.getByTestId('listing-summary').filter({ hasText: '€12.90' }).waitFor();
    await assertAccessible(page, 'the offer on the design page');

    await listing.getByRole('button', { name: 'Accept the terms' }).click();
    await listing
      .getByTestId('listing-summary')
      .filter({ hasText: 'On the menu at €12.90' })
      .waitFor();
    await listing.getByTestId('my-acceptance').waitFor();
  });

  // -- Anyone: the design is on the menu, credited to its creator, at the curator's price. ------
  await withPage(t, PHONE, async (page) => {
    await page.goto(`${e2e.baseUrl}/menu`);
    await page.getByTestId('menu-page').waitFor();
    const card = page
      .getByTestId('menu-item')
      .filter({ has: page.getByRole('link', { name: design.name, exact: true }) });
    await card.getByTestId('menu-price').filter({ hasText: '€12.90' }).waitFor();
    await card
      .getByTestId('menu-credits')
      .filter({ hasText: design.creator.display_name })
      .waitFor();
    await assertAccessible(page, 'the menu');
    await card.getByRole('link', { name: design.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: design.name }).waitFor();
  });

  const live = (await menuItems()).find((i) => i.design.id === design.id);
  assert.ok(live, 'on the menu');
  assert.deepEqual(live.price, { amount_minor: 1290, currency: 'EUR' });
  const after = await api('GET', `/designs/${design.id}`);
  assert.equal(after.status, 'listed');
  const log = await api('GET', `/admin/audit-log?target_type=design&target_id=${design.id}`, {
    token: admin.access_token,
  });
  assert.ok(
    log.items.some((e) => e.action === 'review.approved'),
    'the decision is audited',
  );
});

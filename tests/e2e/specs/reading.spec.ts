import { createServer, type Server } from 'node:http';
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, saveScreenshot, signIn, switchUser, test } from '../fixtures';

/**
 * The reading list: an admin allows a host, a member follows a feed served by this test on
 * the one loopback port the e2e server may reach (global-setup passes --feed-allow-address),
 * sees its entries as plain text beside the posts of the people she follows (one list, newest
 * first), marks an entry and a post read and unread, opens a post.
 */
const FEED_PORT = Number(process.env.GREENROOM_E2E_FEED_PORT);
const FEED_PATH = '/e2e-leadership.xml';

function rss(): string {
  const recent = new Date(Date.now() - 60 * 60 * 1000).toUTCString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>E2E Leadership Notes</title><link>https://notes.example.com/</link>
<item><title>Quarterly town hall: what to ask</title><link>https://notes.example.com/town-hall</link>
<guid>e2e-1</guid><description>&lt;p&gt;Bring &lt;b&gt;one&lt;/b&gt; question.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
<pubDate>${recent}</pubDate></item>
<item><title>An archive piece</title><guid>e2e-2</guid><description>From long ago.</description>
<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>
</channel></rss>`;
}

/** Clicks "Show older" until the whole view is on the page (mia follows a few dozen posts). */
async function showAll(page: Page) {
  const items = page.getByRole('list', { name: 'Posts and entries' }).locator(':scope > li');
  await expect(items.first()).toBeVisible();
  const older = page.getByRole('button', { name: 'Show older' });
  for (let i = 0; i < 10 && (await older.isVisible()); i += 1) {
    const before = await items.count();
    await older.click();
    await expect.poll(() => items.count()).toBeGreaterThan(before);
  }
}

test.describe('reading list', () => {
  // One long journey (two admins' and three readers' screens, paging through the merged view).
  test.setTimeout(90_000);
  let server: Server;
  let hits = 0;

  test.beforeAll(async () => {
    expect(FEED_PORT, 'global-setup chose a port for the test feed').toBeGreaterThan(0);
    server = createServer((req, res) => {
      hits += 1;
      if (req.url === FEED_PATH) {
        res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
        res.end(rss());
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('not here');
      }
    });
    await new Promise<void>((resolve) => server.listen(FEED_PORT, '127.0.0.1', resolve));
  });

  test.afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('an admin allows a host; a member follows a feed, reads it and marks an entry read', async ({ page }) => {
    await signIn(page, 'ada', '/admin/feeds');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin · Feed hosts' })).toBeVisible();
    await expect(page.getByTestId('feed-host').filter({ hasText: 'news.example.com' })).toBeVisible(); // seeded
    await page.getByLabel('Host name').fill('bad host!');
    await page.getByRole('button', { name: 'Allow host' }).click();
    await expect(page.locator('#feed-host-error')).toContainText('host name');
    await page.getByLabel('Host name').fill('127.0.0.1');
    await page.getByRole('button', { name: 'Allow host' }).click();
    await expect(page.getByTestId('feed-host').filter({ hasText: '127.0.0.1' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'admin feed hosts');
    await saveScreenshot(page, 'admin-feed-hosts');

    await switchUser(page, 'mia', '/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('button', { name: 'More' }).click();
    await nav.getByRole('link', { name: 'Reading' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reading list' })).toBeVisible();
    await expect(page.getByText('You follow no feeds yet.')).toBeVisible();
    // Before any feed, the view already holds the posts of the people and topics mia follows.
    const posts = page.getByTestId('reading-post');
    await expect(posts.first()).toBeVisible();
    await expect(page.getByRole('list', { name: 'Posts and entries' }).locator('[data-testid="author-link"]', { hasText: '@dana' }).first()).toBeVisible();

    // A host nobody allowed: a clear refusal, and nothing is fetched.
    const address = page.getByLabel('Feed address (RSS or Atom)');
    await address.fill('https://elsewhere.example.org/feed.xml');
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect(page.locator('#reading-url-error')).toContainText('elsewhere.example.org is not one of them');
    await address.fill('not a feed address');
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await expect(page.locator('#reading-url-error')).toContainText('absolute http:// or https:// URL');

    await address.fill(`http://127.0.0.1:${FEED_PORT}${FEED_PATH}`);
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    const entries = page.getByTestId('reading-entry');
    await expect(entries.first()).toContainText('Quarterly town hall: what to ask', { timeout: 20_000 });
    expect(hits).toBeGreaterThanOrEqual(1);
    await showAll(page);
    await expect(entries).toHaveCount(2);
    // The summary is plain text: markup and the script are gone.
    await expect(entries.first()).toContainText('Bring one question.');
    await expect(page.locator('.reading-summary script')).toHaveCount(0);
    await expect(entries.first().getByRole('link', { name: 'Quarterly town hall: what to ask' })).toHaveAttribute(
      'href',
      'https://notes.example.com/town-hall',
    );
    // "New since yesterday" counts both kinds: the fresh entry and the fresh followed posts.
    const newCount = async () => Number(/(\d+) new since yesterday/.exec(await page.getByTestId('reading-new').innerText())?.[1] ?? '0');
    await expect(page.getByTestId('reading-new')).toContainText(/\d+ new since yesterday/);
    const freshBefore = await newCount();
    expect(freshBefore).toBeGreaterThanOrEqual(1);
    // One list, newest first: the entry of an hour ago sits among the posts by date.
    const dates = await page
      .getByRole('list', { name: 'Posts and entries' })
      .locator(':scope > li')
      .evaluateAll((items) => items.map((li) => li.querySelector('time')?.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(2);
    expect([...dates].sort().reverse()).toEqual(dates);
    const feed = page.getByTestId('reading-feed');
    await expect(feed).toContainText('E2E Leadership Notes');
    await expect(feed.getByTestId('reading-feed-status')).toContainText('Fetched');

    await entries.first().getByRole('button', { name: 'Mark as read: Quarterly town hall: what to ask' }).click();
    await expect(entries.first().getByRole('button', { name: 'Mark as unread: Quarterly town hall: what to ask' })).toBeVisible();
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('reading-new')).toContainText(freshBefore === 1 ? 'Nothing new since yesterday' : `${freshBefore - 1} new since yesterday`);

    // A followed post: marked read, it leaves the unread view; marked unread, it is back.
    const firstPost = posts.first();
    const postId = await firstPost.locator('article[data-post-id]').getAttribute('data-post-id');
    const readPost = firstPost.getByRole('button', { name: /^Mark as read: / });
    await readPost.click();
    await expect(firstPost.getByRole('button', { name: /^Mark as unread: / })).toBeVisible();
    await expect(firstPost).toHaveClass(/is-read/);
    await page.getByLabel('Unread only').check();
    await showAll(page);
    await expect(entries).toHaveCount(1);
    await expect(entries.first()).toContainText('An archive piece');
    await expect(page.locator(`[data-testid="reading-post"] article[data-post-id="${postId}"]`)).toHaveCount(0);
    await page.getByLabel('Unread only').uncheck();
    await showAll(page);
    await expect(entries).toHaveCount(2);
    const samePost = page.locator('[data-testid="reading-post"]').filter({ has: page.locator(`article[data-post-id="${postId}"]`) });
    await samePost.getByRole('button', { name: /^Mark as unread: / }).click();
    await expect(samePost.getByRole('button', { name: /^Mark as read: / })).toBeVisible();
    await page.getByLabel('Unread only').check();
    await expect(page.locator(`[data-testid="reading-post"] article[data-post-id="${postId}"]`)).toHaveCount(1);
    await page.getByLabel('Unread only').uncheck();
    await showAll(page);
    await expect(entries).toHaveCount(2);

    await expectNoSeriousA11yViolations(page, 'reading list');
    await saveScreenshot(page, 'reading');

    // A post card leads to the post itself.
    await samePost.getByRole('link', { name: /^Open the post: / }).click();
    await expect(page).toHaveURL(new RegExp(`/posts/${postId}$`));
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Reading list' })).toBeVisible();

    // Another person never sees mia's feeds; the seeded CEO sees her own.
    await switchUser(page, 'dana', '/reading');
    await expect(page.getByTestId('reading-feed')).toHaveCount(1);
    await expect(page.getByTestId('reading-feed')).toContainText('Leadership Weekly');
    await expect(page.getByText('Quarterly town hall: what to ask')).toHaveCount(0);
    await expect(page.getByText('Why leaders who post weekly build more trust')).toBeVisible();
    // The CEO follows two colleagues (seeded): their posts share her list with the entries.
    await expect(page.getByTestId('reading-post').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'reading list with posts and entries');
    await saveScreenshot(page, 'reading-merged');
  });
});

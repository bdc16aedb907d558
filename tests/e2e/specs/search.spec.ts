import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, saveScreenshot, signIn, switchUser, test } from '../fixtures';

/** Publishes a company post as the signed-in person through the API (setup, not the journey). */
async function publish(page: Page, body: string): Promise<number> {
  const me = await page.request.get('/api/v1/me');
  const { csrf_token } = (await me.json()) as { csrf_token: string };
  const res = await page.request.post('/api/v1/posts', {
    data: { body, space: 'company', action: 'publish' },
    headers: { 'X-CSRF-Token': csrf_token },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { post: { id: number } }).post.id;
}

/** A word no other post has, so the results are exactly what the test wrote. */
function rareWord(): string {
  return `zq${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

test.describe('search', () => {
  test('from the header box: results with marked words, filters, a bad query, then a result opened', async ({ page }) => {
    const word = rareWord();
    await signIn(page, 'mia');
    const tagged = await publish(page, `Plans for the ${word} offsite #roadmap <b>not bold</b> & snacks`);
    await publish(page, `Another ${word} note, no topic on this one`);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Company feed' })).toBeVisible();

    // "/" from anywhere outside a text field jumps to the header's search box.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('/');
    const box = page.getByRole('search', { name: 'Search Greenroom' }).getByRole('searchbox', { name: 'Search posts and replies' });
    await expect(box).toBeFocused();
    await page.keyboard.type(word);
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeFocused();
    await expect(page.getByLabel('Search for')).toHaveValue(word);
    const results = page.getByRole('list', { name: 'Search results' }).locator(':scope > li');
    await expect(results).toHaveCount(2);
    await expect(page.getByTestId('search-count')).toHaveText('2 results.');
    // The word is marked in each snippet; markup in a post is shown as text, never run.
    const first = results.filter({ hasText: 'offsite' });
    await expect(first.locator('mark')).toHaveText([word]);
    await expect(first.getByRole('link')).toContainText('<b>not bold</b> & snacks');
    await expect(first.locator('b')).toHaveCount(0);
    await expect(first).toContainText('Post by Mia');

    // Filters: the topic narrows to the tagged post; the address keeps the filter.
    await page.getByLabel('Topic').fill('#roadmap');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/topic=roadmap/);
    await expect(results).toHaveCount(1);
    await expect(results.first()).toContainText('offsite');
    await page.getByLabel('Kind').selectOption('reply');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByTestId('search-count')).toHaveText('Nothing found.');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
    await expect(results).toHaveCount(2);
    await page.getByLabel('Author (username)').fill('sam');
    await page.getByLabel('Search for').press('Enter');
    await expect(page.getByTestId('search-count')).toHaveText('Nothing found.');
    await page.getByLabel('Author (username)').fill('mia');
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByLabel('To', { exact: true }).fill('2019-01-01');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'must not be after' })).toBeVisible();
    await page.getByLabel('To', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/author=mia&from=2020-01-01/);
    await expect(results).toHaveCount(2);
    await expectNoSeriousA11yViolations(page, 'search results at 1280px');
    await saveScreenshot(page, 'search-results-1280');

    // A search the server cannot read is a plain message, not a failure.
    await page.getByLabel('Search for').fill(`"${word}`);
    await page.getByLabel('Search for').press('Enter');
    const problem = page.getByTestId('search-problem');
    await expect(problem).toContainText('That search could not be read.');
    await expect(problem).toContainText('quotation mark');
    await expect(page.getByRole('list', { name: 'Search results' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'search with a bad query');

    // Back to the results (history), then a result opened with the keyboard.
    await page.goBack();
    await expect(results).toHaveCount(2);
    await results.filter({ hasText: 'offsite' }).getByRole('link').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/posts/${tagged}$`));
    await expect(page.getByText(`Plans for the ${word} offsite`).first()).toBeVisible();
  });

  test('pages through many results with "More results"', async ({ page }) => {
    const word = rareWord();
    await signIn(page, 'sam');
    for (let i = 0; i < 23; i++) await publish(page, `Batch ${word} number ${i}`);
    await page.goto(`/search?q=${word}`);
    const results = page.getByRole('list', { name: 'Search results' }).locator(':scope > li');
    await expect(results).toHaveCount(20);
    await expect(page.getByTestId('search-count')).toHaveText('20 results shown, more below.');
    await page.getByRole('button', { name: 'More results' }).click();
    await expect(results).toHaveCount(23);
    await expect(results.nth(20).getByRole('link')).toBeFocused(); // the first new result
    await expect(page.getByRole('button', { name: 'More results' })).toHaveCount(0);
  });

  test('the header is one row at 1280 px and at 375 px, with the search box and "More"', async ({ page }) => {
    await switchUser(page, 'ada', '/');
    const header = page.getByRole('banner');
    const oneRow = async () => {
      const boxes = await header.locator('.header-inner > *').evaluateAll((els) =>
        els.filter((el) => el.getClientRects().length > 0).map((el) => el.getBoundingClientRect()),
      );
      const middles = boxes.map((b) => b.top + b.height / 2);
      return Math.max(...middles) - Math.min(...middles);
    };
    expect(await oneRow()).toBeLessThanOrEqual(4);
    expect(await header.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(64);
    const headerBox = header.getByRole('searchbox', { name: 'Search posts and replies' });
    await expect(headerBox).toBeVisible();
    // Room to type: the box is at least 12rem wide (the account shows its picture here).
    expect(await headerBox.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThanOrEqual(192);
    await expect(header.getByTestId('account-name')).toHaveText('Ada Admin');
    // Every destination is still there: the less used ones under "More".
    const nav = page.getByRole('navigation', { name: 'Main' });
    const more = nav.getByRole('button', { name: 'More' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(nav.getByRole('link', { name: 'Audit' })).toBeHidden();
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    for (const name of ['Insights', 'Mentoring', 'Audit', 'Admin']) await expect(nav.getByRole('link', { name })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'header with "More" open at 1280px');
    await saveScreenshot(page, 'header-more-1280');
    await page.keyboard.press('Escape');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toBeFocused();
    await more.click();
    await nav.getByRole('link', { name: 'Audit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toHaveClass(/has-current/);

    // A coach's row too (the longest role label) stays one line.
    await switchUser(page, 'cora', '/');
    expect(await oneRow()).toBeLessThanOrEqual(4);

    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/search?q=plans');
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
    expect(await header.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(64);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await expect(header.getByRole('link', { name: 'Search' })).toBeVisible();
    await expect(header.getByRole('searchbox')).toBeHidden();
    await expectNoSeriousA11yViolations(page, 'search results at 375px');
    await saveScreenshot(page, 'search-results-375');
    const menu = header.getByRole('button', { name: 'Menu' });
    await menu.click();
    await expect(header.getByRole('searchbox', { name: 'Search posts and replies' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Insights' })).toBeVisible(); // "More" is listed in the menu
    await expectNoSeriousA11yViolations(page, 'header menu with search at 375px');
    await saveScreenshot(page, 'header-search-375');
    await header.getByRole('searchbox').fill('review');
    await header.getByRole('searchbox').press('Enter');
    await expect(page).toHaveURL(/\/search\?q=review$/);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
  });
});

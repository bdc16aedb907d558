import { expect, postItems, signIn, test, unique } from '../fixtures';

test.describe('company feed', () => {
  test('a member posts to the company and sees the post at the top of the feed', async ({ page }) => {
    await signIn(page, 'mia');
    const text = unique('Lunch and learn on Thursday — who is in? 🍕');
    await page.getByRole('link', { name: 'New post' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'New post' })).toBeVisible();
    await expect(page.getByText('Posting to Company')).toBeVisible();
    await page.getByLabel('Your post').fill(text);
    await expect(page.getByText(`${Array.from(text).length} / 5,000 characters`)).toBeVisible();
    await page.getByRole('button', { name: 'Publish' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Company feed' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Published to Company.' })).toBeVisible();
    const first = postItems(page, 'Company posts').first();
    await expect(first).toContainText(text);
    await expect(first).toContainText('just now');
    await expect(first.getByRole('heading')).toContainText('@mia');
    // the exact time is available as a tooltip and machine-readable
    const time = first.locator('time');
    await expect(time).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    await expect(time).toHaveAttribute('title', /\d/);
  });

  test('reply to a post from its page', async ({ page }) => {
    await signIn(page, 'rui');
    const first = postItems(page, 'Company posts').first();
    const body = await first.locator('.post-body').innerText();
    await first.getByRole('link', { name: /\d+ repl(y|ies)/ }).click();

    await expect(page).toHaveURL(/\/posts\/\d+$/);
    await expect(page.getByRole('article').first()).toContainText(body);
    const replies = page.getByRole('list', { name: 'Replies' }).locator(':scope > li');
    const before = await replies.count();
    const reply = unique('Thanks for sharing this, great point.');
    await page.getByLabel('Write a reply').fill(reply);
    await page.getByRole('button', { name: 'Reply', exact: true }).click();

    await expect(page.getByRole('list', { name: 'Replies' }).locator(':scope > li')).toHaveCount(before + 1);
    const last = page.getByRole('list', { name: 'Replies' }).locator(':scope > li').last();
    await expect(last).toContainText(reply);
    await expect(last).toContainText('Rui');
    await expect(page.getByLabel('Write a reply')).toHaveValue('');
    await expect(page.getByRole('heading', { name: `Replies (${before + 1})` })).toBeVisible();

    // still there after a reload
    await page.reload();
    await expect(page.getByText(reply)).toBeVisible();
  });

  test('like and unlike update the count at once and stick', async ({ page }) => {
    await signIn(page, 'cora');
    const post = postItems(page, 'Company posts').nth(1);
    const like = post.getByRole('button', { name: /^Like/ });
    const count = like.getByTestId('like-count');
    const wasPressed = (await like.getAttribute('aria-pressed')) === 'true';
    const likeSaved = (method: 'PUT' | 'DELETE') =>
      page.waitForResponse((r) => /\/api\/v1\/posts\/\d+\/like$/.test(r.url()) && r.request().method() === method);
    if (wasPressed) {
      const saved = likeSaved('DELETE');
      await like.click();
      await expect(like).toHaveAttribute('aria-pressed', 'false');
      await saved;
    }
    const start = Number(await count.innerText());

    // The count changes at once (before the server answers) ...
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/posts/*/like', async (route) => {
      await held;
      await route.continue();
    });
    const saved = likeSaved('PUT');
    await like.click();
    await expect(like).toHaveAttribute('aria-pressed', 'true');
    await expect(count).toHaveText(String(start + 1));
    // ... and stays once it has.
    release();
    expect((await saved).ok()).toBe(true);
    await page.unroute('**/api/v1/posts/*/like');
    await expect(count).toHaveText(String(start + 1));

    await page.reload();
    const again = postItems(page, 'Company posts').nth(1).getByRole('button', { name: /^Like/ });
    await expect(again).toHaveAttribute('aria-pressed', 'true');
    await expect(again.getByTestId('like-count')).toHaveText(String(start + 1));

    const unsaved = likeSaved('DELETE');
    await again.click();
    await expect(again).toHaveAttribute('aria-pressed', 'false');
    await expect(again.getByTestId('like-count')).toHaveText(String(start));
    await unsaved;
    await page.reload();
    const after = postItems(page, 'Company posts').nth(1).getByRole('button', { name: /^Like/ });
    await expect(after).toHaveAttribute('aria-pressed', 'false');
    await expect(after.getByTestId('like-count')).toHaveText(String(start));
  });

  test('a like that fails is rolled back and explained', async ({ page }) => {
    await signIn(page, 'mia');
    const like = postItems(page, 'Company posts').first().getByRole('button', { name: /^Like/ });
    const count = like.getByTestId('like-count');
    const start = await count.innerText();
    const pressed = await like.getAttribute('aria-pressed');
    await page.route('**/api/v1/posts/*/like', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal', message: 'The server had a problem.' } }),
      }),
    );
    await like.click();
    await expect(page.getByRole('status').filter({ hasText: /Could not (un)?like the post/ })).toBeVisible();
    await expect(count).toHaveText(start);
    await expect(like).toHaveAttribute('aria-pressed', pressed ?? 'false');
  });

  test('scrolling down loads older posts', async ({ page }) => {
    await signIn(page, 'mia');
    const items = postItems(page, 'Company posts');
    await expect(items.first()).toBeVisible();
    const firstPage = await items.count();
    expect(firstPage).toBe(20);

    await items.last().scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 5000);
    await expect.poll(() => items.count()).toBeGreaterThan(firstPage);

    // older posts are below newer ones
    const times = await items.locator('time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime') ?? '')));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThanOrEqual(times[i - 1]);

    // keep scrolling to the end of the feed
    for (let i = 0; i < 10; i++) {
      if (await page.getByText('You’re all caught up.').isVisible()) break;
      await page.mouse.wheel(0, 10000);
      await page.waitForTimeout(300);
    }
    await expect(page.getByText('You’re all caught up.')).toBeVisible();
  });

  test('the "Load more" button loads older posts without scrolling', async ({ page }) => {
    // As in a browser without IntersectionObserver: only the button loads, so focusing it
    // (which scrolls it into view) cannot race it by loading the last page first.
    await page.addInitScript(() => {
      Reflect.deleteProperty(window, 'IntersectionObserver');
    });
    await signIn(page, 'ada');
    const items = postItems(page, 'Company posts');
    await expect(items).toHaveCount(20);
    const loadMore = page.getByRole('button', { name: 'Load more posts' });
    await loadMore.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => items.count()).toBeGreaterThan(20);
    // focus stays on the list: an item of the newly loaded page has it
    await expect(page.getByRole('list', { name: 'Company posts' }).locator(':scope > li:focus')).toHaveCount(1);
  });
});

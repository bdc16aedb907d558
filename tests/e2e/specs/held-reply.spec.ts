import { expect, expectNoSeriousA11yViolations, postItems, saveScreenshot, switchUser, test, unique } from '../fixtures';

/**
 * A Crawl executive's company reply is held for their coach like a post: evan replies and
 * sees it marked "Waiting for your coach"; mia does not see it; cora finds it in the review
 * queue with the post it answers, scores it and approves; then mia sees it.
 */
test('held reply: waiting for the coach, in the queue, approved, then visible', async ({ page }) => {
  test.setTimeout(90_000);
  const text = unique('Happy to help with the charity run logistics.');

  // --- evan replies to the newest company post
  await switchUser(page, 'evan');
  const first = postItems(page, 'Company posts').first();
  await first.getByRole('link', { name: /\d+ repl(y|ies)/ }).click();
  await expect(page).toHaveURL(/\/posts\/\d+$/);
  const postPath = new URL(page.url()).pathname;
  await page.getByLabel('Write a reply').fill(text);
  await page.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reply sent to your coach' })).toBeVisible();
  const mine = page.getByRole('list', { name: 'Replies' }).locator(':scope > li').filter({ hasText: text });
  await expect(mine).toHaveCount(1);
  await expect(mine.getByTestId('held-marker')).toContainText('Waiting for your coach');
  await page.reload();
  await expect(mine.getByTestId('held-marker')).toContainText('Waiting for your coach');
  await expectNoSeriousA11yViolations(page, 'thread with a held reply');
  await saveScreenshot(page, 'held-reply-author');

  // --- mia does not see it
  await switchUser(page, 'mia', postPath);
  await expect(page.getByRole('list', { name: 'Replies' }).or(page.getByText('No replies yet.'))).toBeVisible();
  await expect(page.getByText(text)).toHaveCount(0);

  // --- cora finds it in the queue with the post it answers, and approves it
  await switchUser(page, 'cora', '/review');
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  const queued = page.getByTestId('queued-reply').filter({ hasText: text });
  await expect(queued).toHaveCount(1);
  await expect(queued).toContainText('In reply to');
  await expectNoSeriousA11yViolations(page, 'review queue with a held reply');
  await saveScreenshot(page, 'held-reply-queue');
  await queued.getByRole('link', { name: /^Review/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review a reply: Evan Exec' })).toBeVisible();
  await expect(page.getByTestId('held-reply-body')).toHaveText(text);
  await expectNoSeriousA11yViolations(page, 'reply review screen');
  await saveScreenshot(page, 'held-reply-review');
  for (const group of ['Clarity', 'Tone', 'Audience fit', 'Policy']) {
    await page.getByRole('group', { name: group }).getByRole('radio', { name: '4' }).check();
  }
  const sent = page.waitForRequest((r) => r.method() === 'POST' && /\/replies\/\d+\/reviews$/.test(r.url()));
  await page.getByRole('button', { name: 'Approve' }).click();
  expect((await sent).postDataJSON()).toMatchObject({ verdict: 'approve', version: 1 });
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'the reply is now visible' })).toBeVisible();
  await expect(page.getByTestId('queued-reply').filter({ hasText: text })).toHaveCount(0);

  // --- now mia sees it, without a marker
  await switchUser(page, 'mia', postPath);
  const visible = page.getByRole('list', { name: 'Replies' }).locator(':scope > li').filter({ hasText: text });
  await expect(visible).toHaveCount(1);
  await expect(visible.getByTestId('held-marker')).toHaveCount(0);
});

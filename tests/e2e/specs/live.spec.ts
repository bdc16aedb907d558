import { expect, expectNoSeriousA11yViolations, postItems, saveScreenshot, signIn, test, unique } from '../fixtures';

test.describe('live updates', () => {
  test('a post from one browser appears as a "new posts" bar in another, without a reload', async ({ browser }) => {
    const reader = await browser.newContext({ ignoreHTTPSErrors: true });
    const writer = await browser.newContext({ ignoreHTTPSErrors: true });
    const readerPage = await reader.newPage();
    const writerPage = await writer.newPage();
    try {
      await signIn(readerPage, 'evan');
      await expect(postItems(readerPage, 'Company posts').first()).toBeVisible();
      const firstBefore = await postItems(readerPage, 'Company posts').first().locator('.post-body').innerText();
      const topBefore = await postItems(readerPage, 'Company posts').first().boundingBox();
      await expect(readerPage.getByTestId('new-posts-bar')).toHaveCount(0);
      const bell = readerPage.locator('a.bell');
      const unreadBefore = Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1] ?? '0');

      await signIn(writerPage, 'mia', '/compose');
      const text = unique('Live from the other browser: @evan the coffee machine is fixed #coffee ☕');
      await writerPage.getByLabel('Your post').fill(text);
      await writerPage.getByRole('button', { name: 'Publish' }).click();
      await expect(writerPage.getByRole('heading', { level: 1, name: 'Company feed' })).toBeVisible();

      // The reader's page shows the bar; the list itself has not moved.
      const bar = readerPage.getByTestId('new-posts-bar');
      await expect(bar).toHaveText('1 new post', { timeout: 5000 });
      expect((await bar.boundingBox())?.height ?? 0).toBeGreaterThan(20);
      // The mention reached evan as a notification: the badge counts it without a reload.
      await expect(bell).toHaveAttribute('aria-label', `Notifications, ${unreadBefore + 1} unread`);
      await expect(postItems(readerPage, 'Company posts').first().locator('.post-body')).toHaveText(firstBefore);
      const topAfter = await postItems(readerPage, 'Company posts').first().boundingBox();
      expect(topAfter?.y).toBe(topBefore?.y);
      await expectNoSeriousA11yViolations(readerPage, 'feed with new posts bar');
      await saveScreenshot(readerPage, 'feed-new-posts-bar');

      await bar.click();
      await expect(postItems(readerPage, 'Company posts').first()).toContainText(text);
      await expect(postItems(readerPage, 'Company posts').first().getByTestId('ref-mention')).toHaveText('@evan');
      await expect(postItems(readerPage, 'Company posts').first().getByTestId('ref-topic')).toHaveText('#coffee');
      await expect(readerPage.getByTestId('new-posts-bar')).toHaveCount(0);

      // A like in the writer's browser updates the count in the reader's, live.
      const readerCard = postItems(readerPage, 'Company posts').first();
      await expect(readerCard.getByTestId('like-count')).toHaveText('0');
      await writerPage.reload();
      const writerCard = postItems(writerPage, 'Company posts').filter({ hasText: text });
      await writerCard.getByRole('button', { name: /Like/ }).click();
      await expect(readerCard.getByTestId('like-count')).toHaveText('1', { timeout: 5000 });
    } finally {
      await reader.close();
      await writer.close();
    }
  });
});

import { expect, expectNoSeriousA11yViolations, postItems, saveScreenshot, selectPhrase, switchUser, test, unique } from '../fixtures';

/** axe-core and screenshots of the coaching screens (review, cohort, notifications, admin). */
test.describe('accessibility and screenshots of the coaching screens', () => {
  test('review queue and review screen with an annotation, also at 375 px', async ({ page }) => {
    const marker = unique('Accessibility check');
    await switchUser(page, 'evan', '/compose');
    await page.getByLabel('Your post').fill(`${marker}: our support team answered 2,000 calls this week 👏 and kept every promise.`);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My posts' })).toBeVisible();

    await switchUser(page, 'cora', '/review');
    await expect(page.getByRole('list', { name: 'Posts waiting for review' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'review queue');
    await saveScreenshot(page, 'review-queue');

    const item = page.getByRole('list', { name: 'Posts waiting for review' }).locator(':scope > li').filter({ hasText: marker });
    await item.getByRole('link', { name: /^Review/ }).click();
    await expect(page.locator('[data-testid="annotated-body"]')).toContainText('kept every promise');
    await selectPhrase(page, '[data-testid="annotated-body"]', 'kept every promise');
    await expect(page.getByLabel('Words to annotate', { exact: true })).toHaveValue('kept every promise');
    await page.getByLabel('Category').selectOption('praise');
    await page.getByLabel('Comment', { exact: true }).fill('Concrete and warm.');
    await page.getByRole('button', { name: 'Add annotation' }).click();
    await expect(page.locator('mark.anno')).toHaveText('kept every promise');
    await page.getByRole('group', { name: 'Clarity' }).getByRole('radio', { name: '5' }).check();
    await expectNoSeriousA11yViolations(page, 'review screen');
    await saveScreenshot(page, 'review');

    await page.setViewportSize({ width: 375, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page, 'review screen at 375px');
    await saveScreenshot(page, 'review-375');

    // the author's view of the same post with the highlighted words
    await page.setViewportSize({ width: 1280, height: 800 });
    await switchUser(page, 'evan', '/me/posts');
    await postItems(page, 'My posts').filter({ hasText: marker }).getByRole('link', { name: 'Open post' }).click();
    await expect(page.locator('mark.anno')).toHaveText('kept every promise');
    await expectNoSeriousA11yViolations(page, 'author post workspace');
    await saveScreenshot(page, 'author-post');
  });

  test('cohort and goals', async ({ page }) => {
    await switchUser(page, 'cora', '/cohort');
    await expect(page.getByRole('list', { name: 'Your executives' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'cohort');
    await saveScreenshot(page, 'cohort');

    await page.setViewportSize({ width: 375, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'cohort-375');
    await page.setViewportSize({ width: 1280, height: 800 });

    await switchUser(page, 'evan', '/goals');
    await expect(page.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();
    await expect(page.locator('.loading')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'goals');
    await saveScreenshot(page, 'goals');
  });

  test('notifications', async ({ page }) => {
    await switchUser(page, 'cora', '/notifications');
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await expect(page.locator('.loading')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'notifications');
    await saveScreenshot(page, 'notifications');
  });

  test('admin: users, coach assignments, policy', async ({ page }) => {
    await switchUser(page, 'ada', '/admin/users');
    await expect(page.getByRole('list', { name: 'Users' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'admin users');
    await saveScreenshot(page, 'admin-users');

    await page.goto('/admin/coaches');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin · Coach assignments' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Coaches' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'admin coach assignments');
    await saveScreenshot(page, 'admin-coaches');

    await page.goto('/admin/policy');
    await expect(page.getByLabel('Golden rules (JSON)')).not.toHaveValue('');
    await expectNoSeriousA11yViolations(page, 'admin policy');
    await saveScreenshot(page, 'admin-policy');

    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/admin/users');
    await expect(page.getByRole('list', { name: 'Users' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'admin-users-375');
  });

  test('composer with policy hints', async ({ page }) => {
    await switchUser(page, 'wren', '/compose');
    await page.getByLabel('Your post').fill('Big news!! Ping me at wren@example.com for the http://example.com link.');
    await expect(page.getByRole('list', { name: 'Policy hints' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'composer with hints');
    await saveScreenshot(page, 'composer-hints');
    await page.getByLabel('Your post').fill('');
  });
});

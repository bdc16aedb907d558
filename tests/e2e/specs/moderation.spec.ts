import { expect, expectNoSeriousA11yViolations, postItems, saveScreenshot, signIn, switchUser, test, unique } from '../fixtures';

/**
 * The moderator's job in the browser: a member reports a post, the moderator
 * hides it from the queue with a reason, the author sees the reason, the
 * moderator restores it; locked threads and the audit trail.
 */
test.describe('moderation', () => {
  test('report, hide with a reason from the queue, author sees why, restore', async ({ page }) => {
    const marker = unique('Renewal news');
    await signIn(page, 'rui', '/compose');
    await page.getByRole('group', { name: 'Post to' }).getByRole('radio', { name: /Company/ }).check();
    await page.getByLabel('Your post').fill(`${marker}: the Hendricks renewal is signed, thanks to the account team.`);
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Company feed' })).toBeVisible();

    // A member reports it from the feed.
    await switchUser(page, 'mia');
    const card = postItems(page, 'Company posts').filter({ hasText: marker });
    await card.getByRole('button', { name: 'Report this post by Rui Runner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report this post' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Choose why you are reporting it.');
    await dialog.getByRole('radio', { name: 'Confidential information' }).check();
    await dialog.getByLabel('Comment (optional)').fill('Names a customer and a contract in the company feed.');
    await expectNoSeriousA11yViolations(page, 'report dialog');
    await saveScreenshot(page, 'report-dialog');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'A moderator will look at your report' })).toBeVisible();

    // The moderator finds it in the queue, in context, and hides it with a reason.
    await switchUser(page, 'mo', '/moderation');
    await expect(page.getByRole('heading', { level: 1, name: 'Moderation queue' })).toBeVisible();
    const entry = page.getByRole('list', { name: 'Reported items' }).locator(':scope > li').filter({ hasText: marker });
    await expect(entry).toContainText('1 report');
    await expect(entry).toContainText('Confidential information');
    await expect(entry).toContainText('Names a customer and a contract');
    await expect(entry).toContainText('Mia Member');
    await expectNoSeriousA11yViolations(page, 'moderation queue');
    await saveScreenshot(page, 'moderation-queue');
    await entry.getByRole('radio', { name: 'Hide' }).check();
    await entry.getByRole('button', { name: 'Apply' }).click();
    await expect(entry.getByRole('alert')).toContainText('Give a reason');
    const reason = 'Customer contract details belong in the account channel, not the company feed.';
    await entry.getByLabel('Reason (required)').fill(reason);
    await entry.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Hidden.' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Reported items' }).locator(':scope > li').filter({ hasText: marker })).toHaveCount(0);

    // Gone from the feed for everyone else.
    await switchUser(page, 'mia');
    await expect(postItems(page, 'Company posts').first()).toBeVisible();
    await expect(postItems(page, 'Company posts').filter({ hasText: marker })).toHaveCount(0);

    // The author sees it marked hidden, with the reason.
    await switchUser(page, 'rui', '/me/posts');
    const mine = postItems(page, 'My posts').filter({ hasText: marker });
    await expect(mine.getByTestId('moderation-notice')).toContainText(reason);
    await expect(mine.getByTestId('post-state')).toHaveText(/hidden/i);
    await saveScreenshot(page, 'hidden-post-author');

    // The moderator restores it from the post page.
    const postUrl = await mine.getByRole('link', { name: 'Open post' }).getAttribute('href');
    await switchUser(page, 'mo', postUrl!);
    await page.getByText('Moderate this post').click();
    await page.getByRole('form', { name: 'Moderate the post by Rui Runner' }).getByRole('radio', { name: 'Restore' }).check();
    await page.getByLabel('Reason (required)').first().fill('The account team confirmed the renewal is public news.');
    await page.getByRole('button', { name: 'Apply' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored.' })).toBeVisible();

    await switchUser(page, 'mia');
    await expect(postItems(page, 'Company posts').filter({ hasText: marker })).toHaveCount(1);
  });

  test('a locked thread says so instead of offering a reply box', async ({ page }) => {
    await signIn(page, 'mia');
    // The seeded locked thread (other specs may have pushed it off the first page).
    const feed = await (await page.request.get('/api/v1/feed?space=company&limit=100')).json();
    const thread = feed.items.find((p: { body: string }) => p.body.startsWith('The parking rota for the Leeds office'));
    expect(thread, 'the seeded locked thread').toBeTruthy();
    expect(thread.locked).toBe(true);
    await page.goto(`/posts/${thread.id}`);
    await expect(page.getByTestId('locked-notice')).toBeVisible();
    await expect(page.getByRole('note')).toContainText('This thread is locked by a moderator');
    await expect(page.getByLabel('Write a reply')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'locked thread');
    await saveScreenshot(page, 'locked-thread');
  });

  test('the audit trail with filters, and the export for admins', async ({ page }) => {
    await signIn(page, 'mo', '/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Export JSON Lines' })).toHaveCount(0);
    await page.getByLabel('Action', { exact: true }).fill('moderation_lock');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const entries = page.getByRole('list', { name: 'Audit entries' }).locator(':scope > li');
    await expect(entries.first()).toContainText('moderation_lock');
    await expect(entries.first().getByTestId('audit-reason')).toContainText('going in circles');
    await expectNoSeriousA11yViolations(page, 'audit trail');
    await saveScreenshot(page, 'audit-trail');

    await switchUser(page, 'ada', '/audit');
    const exportLink = page.getByRole('link', { name: 'Export JSON Lines' });
    await expect(exportLink).toBeVisible();
    const href = await exportLink.getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/x-ndjson');
    const lines = (await response.text()).trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    const ids = lines.map((l) => JSON.parse(l).id as number);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);

    // Members do not get the screens.
    await switchUser(page, 'mia', '/moderation');
    await expect(page.getByText('This page is not available for your role.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Moderation' })).toHaveCount(0);
  });
});

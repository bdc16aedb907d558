import { expect, expectNoSeriousA11yViolations, postItems, saveScreenshot, switchUser, test, unique, unreadCount } from '../fixtures';

test.describe('policy hints, cohort, goals, notifications', () => {
  test('policy hints appear while typing and a refused submit shows its findings', async ({ page }) => {
    await switchUser(page, 'evan', '/compose');
    const box = page.getByLabel('Your post');
    await box.pressSequentially('This launch is AMAZING!! Write to me at evan.exec@example.com', { delay: 5 });
    const hints = page.getByRole('list', { name: 'Policy hints' });
    await expect(hints).toBeVisible();
    await expect(hints.getByRole('listitem')).toHaveCount(2);
    await expect(hints).toContainText('evan.exec@example.com');
    await expect(hints).toContainText('“!!”');
    await expect(hints.getByText('Error', { exact: true })).toBeVisible();
    await expect(hints.getByText('Warning', { exact: true })).toBeVisible();
    // the offending words are underlined in place (the mirror behind the text area)
    const marks = page.getByTestId('lint-mirror').locator('mark');
    await expect(marks.filter({ hasText: 'evan.exec@example.com' })).toHaveCount(1);
    await expect(page.getByTestId('lint-mirror').locator('mark.lint-error')).toHaveText('evan.exec@example.com');
    await expect(page.getByTestId('lint-mirror').locator('mark.lint-warning')).toHaveText('!!');
    await expect(page.locator('.lint-summary')).toContainText(/error/);

    // an error finding disables Submit and says why once (the findings are not repeated)
    await expect(page.getByRole('button', { name: 'Submit for review' })).toBeDisabled();
    await expect(page.locator('#composer-blocked')).toContainText('Submitting waits until the errors the golden rules marked above are fixed');
    await expect(page.getByRole('list', { name: 'Why it was refused' })).toHaveCount(0);
    await expect(box).toHaveValue(/AMAZING/);

    // fixing the text clears the hints
    await box.fill('This launch went well. Thank you, team.');
    await expect(page.locator('.lint-summary')).toHaveText(/No policy hints/);
    await expect(page.getByTestId('lint-mirror').locator('mark')).toHaveCount(0);
  });

  test('a refused transition shows the server’s reason', async ({ page }) => {
    const marker = unique('Withdraw me');
    await switchUser(page, 'evan', '/compose');
    await page.getByLabel('Your post').fill(`${marker}: a short practice note.`);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByTestId('draft-saved').getByRole('link', { name: 'My posts' }).click();
    const item = postItems(page, 'My posts').filter({ hasText: marker });
    await item.getByRole('link', { name: 'Open post' }).click();
    // Crawl: Publish is not offered, Submit is; withdraw after submitting
    await expect(page.getByRole('button', { name: /^Publish/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.getByTestId('post-state').first()).toHaveText('In review');
    await page.getByRole('button', { name: 'Withdraw' }).click();
    await expect(page.getByTestId('post-state').first()).toHaveText('Draft');
    // editing the draft with a banned word: the hints show under the editor, the server refuses to submit
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Revise your post').fill(`${marker}: call me on +44 20 7946 0958 today.`);
    await expect(page.getByRole('list', { name: 'Policy hints' })).toBeVisible();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.locator('.workflow')).toContainText('Version 2');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.locator('#workflow-error')).not.toBeEmpty();
    await expect(page.locator('#workflow-error').getByRole('list', { name: 'Why it was refused' })).toBeVisible();
    await expect(page.getByTestId('post-state').first()).toHaveText('Draft');
  });

  test('seeded feedback: annotations on the exact words, and one orphaned by an edit', async ({ page }) => {
    await switchUser(page, 'evan', '/me/posts');
    const item = postItems(page, 'My posts').filter({ hasText: 'crushed the competition' });
    await expect(item.getByTestId('post-state')).toHaveText('Changes requested');
    await item.getByRole('link', { name: 'See feedback and revise' }).click();
    const body = page.locator('[data-testid="annotated-body"]').first();
    await expect(body.locator('mark.anno')).toHaveText(['crushed the competition', 'Huge thanks', 'worked late nights']);
    await expect(body.locator('mark.anno-risk')).toHaveText('worked late nights');
    await expect(page.getByRole('list', { name: 'Reviews' })).toContainText('Tone');

    // clicking highlighted words moves focus to their note
    await body.locator('mark.anno-praise').click();
    await expect(page.getByRole('article').filter({ hasText: 'Warm and personal' })).toBeFocused();

    // remove the risky words: that note is no longer in the text, the others stay on their words
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = page.getByLabel('Revise your post');
    const text = await editor.inputValue();
    await editor.fill(text.replace(' who worked late nights to make it happen', ' who made it happen'));
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Saved as version/ })).toBeVisible();
    await expect(body.locator('mark.anno')).toHaveText(['crushed the competition', 'Huge thanks']);
    const gone = page.getByRole('list', { name: 'No longer in the text' });
    await expect(gone).toContainText('worked late nights');
    await expect(gone.getByRole('button', { name: 'Apply suggestion' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'author post with orphaned annotation');
    await saveScreenshot(page, 'author-feedback');
  });

  test('cora changes wren’s level and sets, sees and deletes a goal', async ({ page }) => {
    await switchUser(page, 'cora', '/cohort');
    await expect(page.getByRole('heading', { level: 1, name: 'Cohort' })).toBeVisible();
    const wren = page.locator('section.cohort-member[data-user="wren"]');
    await expect(wren.getByTestId('level')).toHaveText('Walk');
    await wren.getByLabel('Training level for Wren Walker').selectOption('run');
    await wren.getByRole('button', { name: 'Change level' }).click();
    await expect(wren.getByTestId('level')).toHaveText('Run');
    await expect(page.getByRole('status').filter({ hasText: 'Wren Walker is now at Run level.' })).toBeVisible();

    // wren sees the new level in the header
    await switchUser(page, 'wren', '/');
    await expect(page.getByTestId('account-role')).toHaveText('Executive · Run');

    // back to Walk so other tests keep their assumptions
    await switchUser(page, 'cora', '/cohort');
    await wren.getByLabel('Training level for Wren Walker').selectOption('walk');
    await wren.getByRole('button', { name: 'Change level' }).click();
    await expect(wren.getByTestId('level')).toHaveText('Walk');

    // a goal for evan
    const title = unique('Publish 2 posts in Company');
    const evan = page.locator('section.cohort-member[data-user="evan"]');
    await evan.getByRole('button', { name: 'Set a goal for Evan Exec' }).click();
    await evan.getByLabel('Goal', { exact: true }).fill(title);
    await evan.getByLabel('Measured by').selectOption('company_posts');
    await evan.getByLabel('Target').fill('2');
    await evan.getByRole('button', { name: 'Set goal' }).click();
    const goal = evan.getByRole('article').filter({ hasText: title });
    await expect(goal).toBeVisible();
    await expect(goal.getByRole('progressbar')).toBeVisible();
    await expect(goal).toContainText('of 2');

    await switchUser(page, 'evan', '/goals');
    const mine = page.getByRole('list', { name: 'Your goals' }).getByRole('article').filter({ hasText: title });
    await expect(mine).toBeVisible();
    await expect(mine.getByRole('progressbar')).toBeVisible();
    await expect(mine.getByTestId('goal-status')).toHaveText(/On track|Due soon|Done/);

    await switchUser(page, 'cora', '/cohort');
    await evan.getByRole('article').filter({ hasText: title }).getByRole('button', { name: /Delete goal/ }).click();
    await expect(evan.getByRole('article').filter({ hasText: title })).toHaveCount(0);
  });

  test('social goal metrics: evan’s people-followed goal counts a new follow; cora sets a mentions-answered goal', async ({ page }) => {
    await switchUser(page, 'evan', '/goals');
    const goal = page.getByRole('list', { name: 'Your goals' }).getByRole('article').filter({ hasText: 'Follow 5 colleagues whose posts you read' });
    const label = goal.locator('.goal-progress-label');
    await expect(label).toHaveText(/^People followed: \d+ of 5$/);
    const before = Number(/: (\d+) of/.exec(await label.innerText())?.[1] ?? '-1');
    expect(before).toBeGreaterThanOrEqual(0);
    await page.goto('/people/sam');
    const follow = page.getByRole('button', { name: 'Follow Sam Patel' });
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    await follow.click();
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
    await page.goto('/goals');
    await expect(label).toHaveText(`People followed: ${before + 1} of 5`);
    await expectNoSeriousA11yViolations(page, 'goals with a people-followed goal');
    await saveScreenshot(page, 'goals-people-followed');
    // Unfollowing counts down again (the count is of the people followed now).
    await page.goto('/people/sam');
    await page.getByRole('button', { name: 'Follow Sam Patel' }).click();
    await expect(page.getByRole('button', { name: 'Follow Sam Patel' })).toHaveAttribute('aria-pressed', 'false');
    await page.goto('/goals');
    await expect(label).toHaveText(`People followed: ${before} of 5`);

    await switchUser(page, 'cora', '/cohort');
    const title = unique('Answer 3 mentions');
    const evan = page.locator('section.cohort-member[data-user="evan"]');
    await evan.getByRole('button', { name: 'Set a goal for Evan Exec' }).click();
    await evan.getByLabel('Goal', { exact: true }).fill(title);
    const metric = evan.getByLabel('Measured by');
    for (const m of ['people_followed', 'feeds_followed', 'reading_days', 'mentions_answered']) await expect(metric.locator(`option[value="${m}"]`)).toHaveCount(1);
    await metric.selectOption({ label: 'Mentions answered' });
    await evan.getByLabel('Target').fill('3');
    await evan.getByRole('button', { name: 'Set goal' }).click();
    const set = evan.getByRole('article').filter({ hasText: title });
    await expect(set.locator('.goal-progress-label')).toHaveText('Mentions answered: 0 of 3');
    await set.getByRole('button', { name: /Delete goal/ }).click();
    await expect(evan.getByRole('article').filter({ hasText: title })).toHaveCount(0);
  });

  test('a submission raises the coach’s unread count; mark one and all as read', async ({ page }) => {
    await switchUser(page, 'cora', '/notifications');
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    // start from zero
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(page.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();

    for (const n of [1, 2]) {
      await switchUser(page, 'evan', '/compose');
      await page.getByLabel('Your post').fill(`${unique('Notify my coach')} #${n}: a calm weekly note.`);
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'My posts' })).toBeVisible();
    }

    await switchUser(page, 'cora', '/');
    await expect.poll(() => unreadCount(page)).toBeGreaterThanOrEqual(2);
    const before = await unreadCount(page);
    await expect(page.getByTestId('unread-count')).toHaveText(String(before));
    await page.getByRole('link', { name: /^Notifications,/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    const unreadItems = page.locator('li.notification.is-unread');
    await expect(unreadItems.first()).toContainText(/Evan|review|submit/i);
    await unreadItems.first().getByRole('button', { name: /^Mark read/ }).click();
    await expect.poll(() => unreadCount(page)).toBe(before - 1);
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(page.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();
    await expect(page.locator('li.notification.is-unread')).toHaveCount(0);
    // a notification leads to the post in the review workspace
    await page.locator('li.notification').first().getByRole('link', { name: 'Open the post' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Review/ })).toBeVisible();
  });
});

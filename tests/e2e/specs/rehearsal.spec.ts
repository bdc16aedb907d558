import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, postItems, saveScreenshot, selectPhrase, switchUser, test, unique } from '../fixtures';

/**
 * The rehearsal loop, finished (issue 16): the coach approves (confirming open suggestions,
 * and request-changes needs a comment or a note), the leader applies the coach's own
 * suggestion and keeps the approval, schedules, cancels in My posts and publishes; a
 * published post is corrected directly at Run and through review below it.
 */

async function scoreRubric(page: Page, score: string) {
  for (const group of ['Clarity', 'Tone', 'Audience fit', 'Policy']) {
    await page.getByRole('group', { name: group }).getByRole('radio', { name: score }).check();
  }
}

/** The status toast covers no button, link or field of the page. */
async function toastCoversNothing(page: Page) {
  const toast = page.locator('.status-region .toast');
  await expect(toast).toBeVisible();
  const covered = await page.evaluate(() => {
    const t = document.querySelector('.status-region .toast')!.getBoundingClientRect();
    return Array.from(document.querySelectorAll('main button, main a[href], main input, main select, main textarea'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && r.bottom > t.top && r.top < t.bottom && r.right > t.left && r.left < t.right)
      .map(({ el }) => (el.textContent || el.getAttribute('aria-label') || el.tagName).trim());
  });
  expect(covered, 'controls under the toast').toEqual([]);
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the coach approves, the leader keeps the approval with the coach’s suggestion, schedules, cancels and publishes', async ({ page }) => {
  test.setTimeout(120_000);
  const marker = unique('Porto update');
  const phrase = 'crushed it';
  const suggestion = 'did well';
  await switchUser(page, 'evan', '/compose');
  await page.getByLabel('Your post').fill(`${marker}: the Porto team ${phrase} this month, thank you.`);
  await page.getByRole('group', { name: 'Post to' }).getByRole('radio', { name: /Company/ }).check();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My posts' })).toBeVisible();

  // --- cora: two columns on a desktop, the verdict beside the post
  await switchUser(page, 'cora', '/review');
  const queued = page.getByRole('list', { name: 'Posts waiting for review' }).locator(':scope > li').filter({ hasText: marker });
  await queued.getByRole('link', { name: /^Review/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review: Evan Exec' })).toBeVisible();
  const main = await page.locator('.review-main').boundingBox();
  const side = await page.locator('.review-side').boundingBox();
  expect(main && side && side.x > main.x + main.width - 1).toBeTruthy();
  expect(main && side && Math.abs(side.y - main.y) < 40).toBeTruthy();
  const verdict = await page.locator('.verdict-form').boundingBox();
  expect(verdict && side && verdict.x >= side.x - 1).toBeTruthy(); // the verdict sits beside the post
  // the coach sees the golden-rule hints the author saw
  await expect(page.locator('#review-hints')).toContainText('Golden rules');

  // request changes without a comment or a note is refused before sending
  await scoreRubric(page, '4');
  await page.getByRole('button', { name: 'Request changes' }).click();
  await expect(page.locator('#verdict-error')).toContainText('Say what to change');
  await expect(page.getByLabel('Overall comment')).toBeFocused();

  // a note with a suggestion; approving asks to confirm and lists it
  await page.getByLabel('Overall comment').blur();
  await selectPhrase(page, '[data-testid="annotated-body"]', phrase);
  await expect(page.getByLabel('Words to annotate', { exact: true })).toHaveValue(phrase);
  await page.getByLabel('Category').selectOption('tone');
  await page.getByLabel('Comment', { exact: true }).fill('Softer, please.');
  await page.getByLabel('Suggested rewrite (optional)').fill(suggestion);
  await page.getByRole('button', { name: 'Add annotation' }).click();
  await expect(page.locator('mark.anno')).toHaveText(phrase);
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('heading', { name: 'Approve with an open suggestion?' })).toBeFocused();
  await expect(page.getByRole('list', { name: 'Open suggestions' })).toContainText(`“${phrase}” → “${suggestion}”`);
  await expectNoSeriousA11yViolations(page, 'review: confirm approval');
  await saveScreenshot(page, 'review-confirm-approve');
  await page.setViewportSize({ width: 375, height: 812 });
  await noHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page, 'review at 375px');
  await saveScreenshot(page, 'review-confirm-approve-375');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Approve anyway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();

  // --- evan: approved, not out; applying cora's own suggestion keeps the approval
  await switchUser(page, 'evan', '/me/posts');
  const mine = postItems(page, 'My posts').filter({ hasText: marker });
  await expect(mine.getByTestId('post-state')).toHaveText('Approved');
  await mine.getByRole('link', { name: 'Publish or schedule' }).click();
  await expect(page.locator('.workflow')).toContainText('Approved by your coach');
  await page.getByRole('list', { name: 'Annotations on the text' }).getByRole('button', { name: 'Apply suggestion' }).click();
  await expect(page.locator('[data-testid="annotated-body"]').first()).toContainText(`the Porto team ${suggestion} this month`);
  await expect(page.locator('.workflow')).toContainText('Version 2');
  await expect(page.getByTestId('post-state').first()).toHaveText('Approved');

  // schedule for tomorrow morning (the default), see it, then cancel it in My posts
  await page.getByRole('button', { name: 'Schedule…' }).click();
  await expect(page.getByLabel('Publish at (your local time)')).toBeFocused();
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled: it publishes' })).toBeVisible();
  await expect(page.getByTestId('scheduled-at')).toContainText('Scheduled to publish');
  await expectNoSeriousA11yViolations(page, 'approved post, scheduled');
  await saveScreenshot(page, 'approved-scheduled');
  await page.setViewportSize({ width: 375, height: 812 });
  await noHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page, 'approved post at 375px');
  await saveScreenshot(page, 'approved-scheduled-375');
  // on a phone the confirmation never covers the next control
  await page.getByRole('button', { name: 'Cancel schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Schedule cancelled' })).toBeVisible();
  await toastCoversNothing(page);
  await page.getByRole('button', { name: 'Schedule…' }).click();
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Scheduled: it publishes' })).toBeVisible();
  await toastCoversNothing(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.goto('/me/posts');
  const listed = postItems(page, 'My posts').filter({ hasText: marker });
  await expect(listed.getByTestId('scheduled-at')).toContainText('Scheduled to publish');
  await expectNoSeriousA11yViolations(page, 'my posts with a scheduled post');
  await saveScreenshot(page, 'my-posts-scheduled');
  await listed.getByRole('button', { name: 'Cancel schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Schedule cancelled' })).toBeVisible();
  await expect(listed.getByTestId('scheduled-at')).toHaveCount(0);
  await expect(listed.getByTestId('post-state')).toHaveText('Approved');

  // publish now
  await listed.getByRole('link', { name: 'Publish or schedule' }).click();
  await page.getByRole('button', { name: 'Publish now to Company' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published to Company.' })).toBeVisible();
  await switchUser(page, 'mia', '/');
  await expect(postItems(page, 'Company posts').filter({ hasText: marker })).toContainText(suggestion);
});

test('a Crawl executive’s approved post goes back to review when edited', async ({ page }) => {
  const marker = unique('Edit after approval');
  await switchUser(page, 'evan', '/compose');
  await page.getByLabel('Your post').fill(`${marker}: short and clear.`);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My posts' })).toBeVisible();
  await switchUser(page, 'cora', '/review');
  await page.getByRole('list', { name: 'Posts waiting for review' }).locator(':scope > li').filter({ hasText: marker }).getByRole('link', { name: /^Review/ }).click();
  await scoreRubric(page, '5');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();

  await switchUser(page, 'evan', '/me/posts');
  await postItems(page, 'My posts').filter({ hasText: marker }).getByRole('link', { name: 'Publish or schedule' }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Revise your post').fill(`${marker}: short, clear and kind.`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'it is back in review' })).toBeVisible();
  await expect(page.getByTestId('post-state').first()).toHaveText('In review');
  await expect(page.getByRole('button', { name: /^Publish now/ })).toHaveCount(0);
});

/** Publishes a post from the composer and returns its id. */
async function publishFromComposer(page: Page, text: string, space: 'Company' | 'Practice'): Promise<number> {
  await page.goto('/compose');
  await page.getByLabel('Your post').fill(text);
  await page.getByRole('group', { name: 'Post to' }).getByRole('radio', { name: new RegExp(space) }).check();
  const created = page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/posts$/.test(r.url()));
  await page.getByRole('button', { name: 'Publish' }).click();
  const { post } = await (await created).json();
  await expect(page.getByRole('status').filter({ hasText: `Published to ${space}.` })).toBeVisible();
  return post.id as number;
}

test('at Run a correction replaces the published text, marked edited, with the history for readers', async ({ page }) => {
  const marker = unique('Results day');
  await switchUser(page, 'rui', '/');
  const id = await publishFromComposer(page, `${marker}: results are out on Fridey.`, 'Company');
  await page.goto(`/posts/${id}`);
  await page.getByRole('button', { name: 'Correct', exact: true }).click();
  await page.getByLabel('Corrected text').fill(`${marker}: results are out on Friday.`);
  await page.getByRole('button', { name: 'Publish correction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Corrected' })).toBeVisible();
  await expect(page.locator('.post-card').first()).toContainText('results are out on Friday.');
  await expect(page.locator('.badge-edited').first()).toHaveText('edited');

  await switchUser(page, 'mia', `/posts/${id}`);
  await expect(page.locator('.post-card').first()).toContainText('results are out on Friday.');
  await expect(page.locator('.badge-edited').first()).toHaveText('edited');
  await page.getByRole('button', { name: 'Show edit history' }).click();
  const versions = page.getByRole('list', { name: 'Versions' });
  await expect(versions.locator(':scope > li[data-version="1"]')).toContainText('Fridey');
  await expect(versions.locator(':scope > li[data-version="2"]')).toContainText('Friday');
  await expect(page.getByTestId('version-diff').locator('del')).toContainText('Fridey');
  await expect(page.getByTestId('version-diff').locator('ins')).toContainText('Friday');
  await expectNoSeriousA11yViolations(page, 'edited post with history (reader)');
  await saveScreenshot(page, 'edited-post-history');
  await page.setViewportSize({ width: 375, height: 812 });
  await noHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page, 'edited post at 375px');
  await saveScreenshot(page, 'edited-post-history-375');
});

test('below Run a correction goes through review while the published text stays up', async ({ page }) => {
  test.setTimeout(90_000);
  const marker = unique('Practice note');
  await switchUser(page, 'wren', '/');
  const id = await publishFromComposer(page, `${marker}: we meet on Mondy.`, 'Practice');
  await page.goto(`/posts/${id}`);
  await page.getByRole('button', { name: 'Correct', exact: true }).click();
  await page.getByLabel('Corrected text').fill(`${marker}: we meet on Monday.`);
  await page.getByRole('button', { name: 'Send correction for review' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Correction sent for review' })).toBeVisible();
  await expect(page.getByTestId('correction-state')).toContainText('waiting for your coach');
  await expect(page.locator('.correction-text')).toContainText('Monday.');
  await expect(page.locator('.post-card').first()).toContainText('Mondy.');
  await expectNoSeriousA11yViolations(page, 'correction in review (author)');
  await saveScreenshot(page, 'correction-in-review');

  await switchUser(page, 'cora', '/review');
  const queued = page.getByRole('list', { name: 'Posts waiting for review' }).locator(':scope > li').filter({ hasText: marker });
  await queued.getByRole('link', { name: /^Review/ }).click();
  await expect(page.getByRole('heading', { name: 'Correction to review' })).toBeVisible();
  await expect(page.getByTestId('correction-diff').locator('ins')).toContainText('Monday');
  await expect(page.getByTestId('correction-diff').locator('del')).toContainText('Mondy');
  await expectNoSeriousA11yViolations(page, 'review of a correction');
  await saveScreenshot(page, 'review-correction');
  await scoreRubric(page, '5');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();

  await switchUser(page, 'wren', `/posts/${id}`);
  await expect(page.getByTestId('correction-state')).toContainText('approved the correction');
  await expect(page.locator('.post-card').first()).toContainText('Mondy.');
  await page.setViewportSize({ width: 375, height: 812 });
  await noHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page, 'approved correction at 375px');
  await saveScreenshot(page, 'correction-approved-375');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Publish correction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Correction published' })).toBeVisible();
  await expect(page.locator('.post-card').first()).toContainText('we meet on Monday.');
  await expect(page.locator('.badge-edited').first()).toHaveText('edited');
});

test('the golden rules read as sentences for everyone; admins edit them in a form, compare versions and roll back', async ({ page }) => {
  test.setTimeout(90_000);
  // everyone: each rule in a sentence with an example the check really catches
  await switchUser(page, 'mia', '/rules');
  await expect(page.getByRole('heading', { level: 1, name: 'Golden rules' })).toBeVisible();
  const rules = page.getByRole('list', { name: 'Golden rules' });
  const confidential = rules.locator('[data-rule="confidential_terms"]');
  await expect(confidential).toContainText('Confidential matters are never named in a post');
  await expect(confidential.getByTestId('rule-finding')).toBeVisible();
  await expect(rules.locator('[data-rule="hashtags"]')).toContainText(/At most \d+ hashtags in a post\./);
  await expectNoSeriousA11yViolations(page, 'golden rules');
  await saveScreenshot(page, 'golden-rules');
  await page.setViewportSize({ width: 375, height: 812 });
  await noHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page, 'golden rules at 375px');
  await saveScreenshot(page, 'golden-rules-375');
  await page.setViewportSize({ width: 1280, height: 800 });

  // a page refused for the role says so
  await page.goto('/admin/policy');
  await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();

  // admin: change a limit through the form
  await switchUser(page, 'ada', '/admin/policy');
  const before = Number(await page.getByTestId('policy-version').locator('strong').textContent());
  const hashtags = page.locator('fieldset[data-rule="hashtags"]');
  const max = hashtags.getByLabel('Most hashtags');
  const old = Number(await max.inputValue());
  await max.fill(String(old + 2));
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Policy saved: version ${before + 1}.` })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'admin policy form');
  await saveScreenshot(page, 'admin-policy-form');

  // the versions list who saved each; compare the previous one; roll back to it
  const versions = page.getByRole('list', { name: 'Policy versions' });
  const previous = versions.locator(`:scope > li[data-version="${before}"]`);
  await expect(versions.locator(`:scope > li[data-version="${before + 1}"]`)).toContainText('Ada Admin');
  await previous.getByRole('button', { name: /^Compare/ }).click();
  await expect(page.getByTestId('policy-diff').locator('del')).toContainText(`"max_hashtags": ${old}`);
  await expect(page.getByTestId('policy-diff').locator('ins')).toContainText(`"max_hashtags": ${old + 2}`);
  await saveScreenshot(page, 'admin-policy-diff');
  await previous.getByRole('button', { name: `Roll back to version ${before}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Rolled back: version ${before + 2} has the rules of version ${before}.` })).toBeVisible();
  await expect(page.locator('fieldset[data-rule="hashtags"]').getByLabel('Most hashtags')).toHaveValue(String(old));
  // The confirmation is read; dismissed, it cannot sit over a form control at phone width
  // (axe's target-size check counts a control under a toast as too small).
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(page.getByRole('button', { name: 'Dismiss message' })).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0)); // nothing under the sticky header
  await page.setViewportSize({ width: 375, height: 812 });
  await noHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page, 'admin policy at 375px');
  await saveScreenshot(page, 'admin-policy-375');
});

test('an error of the golden rules disables Publish and says why once; Crawl sees no Publish', async ({ page }) => {
  await switchUser(page, 'rui', '/compose');
  await page.getByLabel('Your post').fill('Quick update on project falcon for everyone.');
  const publish = page.getByRole('button', { name: 'Publish' });
  await expect(publish).toBeDisabled();
  await expect(page.locator('#composer-blocked')).toHaveText(/Publishing waits until the errors the golden rules marked above are fixed/);
  await expect(page.getByText('Publishing waits until')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();
  await expectNoSeriousA11yViolations(page, 'composer blocked by the golden rules');
  await saveScreenshot(page, 'composer-blocked');
  await page.setViewportSize({ width: 375, height: 812 });
  await noHorizontalScroll(page);
  await saveScreenshot(page, 'composer-blocked-375');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByLabel('Your post').fill('Quick update on the launch for everyone.');
  await expect(publish).toBeEnabled();
  await expect(page.locator('#composer-blocked')).toHaveCount(0);
  await page.getByLabel('Your post').fill('');

  await switchUser(page, 'evan', '/compose');
  await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Submit for review' })).toBeVisible();
});

test('the cohort page has no duplicate element ids', async ({ page }) => {
  await switchUser(page, 'cora', '/cohort');
  await expect(page.getByRole('list', { name: 'Your executives' })).toBeVisible();
  await page.locator('section.cohort-member').first().getByRole('button', { name: /goal/i }).first().click();
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll('[id]'))) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return Array.from(seen.entries()).filter(([, n]) => n > 1).map(([id]) => id);
  });
  expect(duplicates).toEqual([]);
});

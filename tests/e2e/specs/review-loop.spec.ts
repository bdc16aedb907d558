import { expect, postItems, selectPhrase, switchUser, test, unique } from '../fixtures';

/**
 * The whole coaching loop in the browser: evan (Crawl, coached by cora)
 * writes and submits; cora selects words in the post and annotates them with
 * a suggested rewrite, scores the rubric and requests changes; evan sees the
 * note on the exact words, replies, applies the suggestion and resubmits;
 * cora approves; evan (the leader) publishes it; mia finds it in the company feed.
 */
test('review loop: submit, annotate a selection, revise, approve, the leader publishes', async ({ page }) => {
  test.setTimeout(90_000);
  const marker = unique('Team update');
  const phrase = 'a huge success';
  const suggestion = 'a real step forward';
  const text = `🎉 ${marker}: the pilot in Porto was ${phrase}, and I am grateful to everyone who helped.`;

  // --- evan writes and submits
  await switchUser(page, 'evan', '/compose');
  await page.getByLabel('Your post').fill(text);
  await page.getByRole('group', { name: 'Post to' }).getByRole('radio', { name: /Company/ }).check();
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My posts' })).toBeVisible();
  const mine = postItems(page, 'My posts').filter({ hasText: marker });
  await expect(mine.getByTestId('post-state')).toHaveText('In review');

  // --- cora opens the queue and the post
  await switchUser(page, 'cora', '/review');
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  const queued = page.getByRole('list', { name: 'Posts waiting for review' }).locator(':scope > li').filter({ hasText: marker });
  await expect(queued).toHaveCount(1);
  await expect(queued.getByTestId('waiting')).toContainText(/waiting/);
  await queued.getByRole('link', { name: /^Review/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review: Evan Exec' })).toBeVisible();

  // select the words in the post body, as a mouse drag would
  await selectPhrase(page, '[data-testid="annotated-body"]', phrase);
  await expect(page.getByLabel('Words to annotate', { exact: true })).toHaveValue(phrase);
  await page.getByLabel('Category').selectOption('tone');
  await page.getByLabel('Comment', { exact: true }).fill('Sounds like hype; say what changed.');
  await page.getByLabel('Suggested rewrite (optional)').fill(suggestion);
  const sent = page.waitForRequest((r) => r.method() === 'POST' && /\/annotations$/.test(r.url()));
  await page.getByRole('button', { name: 'Add annotation' }).click();
  const payload = (await sent).postDataJSON();
  const startCp = [...text.slice(0, text.indexOf(phrase))].length; // code points: the emoji counts once
  expect(payload).toMatchObject({ start: startCp, end: startCp + [...phrase].length, quote: phrase, category: 'tone' });
  await expect(page.locator('mark.anno')).toHaveText(phrase);
  const coachCard = page.getByRole('list', { name: 'Annotations on the text' }).getByRole('article');
  await expect(coachCard).toContainText('Sounds like hype');

  for (const group of ['Clarity', 'Tone', 'Audience fit', 'Policy']) {
    await page.getByRole('group', { name: group }).getByRole('radio', { name: '3' }).check();
  }
  await page.getByLabel('Overall comment').fill('Good start. Make it concrete.');
  await page.getByRole('button', { name: 'Request changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Changes requested' })).toBeVisible();
  await expect(page.getByText(marker)).toHaveCount(0);

  // --- evan sees the note on the exact words, replies, applies, resubmits
  await switchUser(page, 'evan', '/me/posts');
  const revised = postItems(page, 'My posts').filter({ hasText: marker });
  await expect(revised.getByTestId('post-state')).toHaveText('Changes requested');
  await revised.getByRole('link', { name: 'See feedback and revise' }).click();
  const mark = page.locator('[data-testid="annotated-body"] mark.anno');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveText(phrase);
  const card = page.getByRole('list', { name: 'Annotations on the text' }).getByRole('article');
  await expect(card).toContainText('Tone');
  await expect(card).toContainText('Sounds like hype; say what changed.');
  await expect(card).toContainText(suggestion);
  await expect(page.getByRole('region', { name: 'Post actions' }).or(page.locator('.workflow'))).toContainText('asked for changes');
  const reviews = page.getByRole('list', { name: 'Reviews' });
  await expect(reviews).toContainText('Changes requested');
  await expect(reviews).toContainText('Good start. Make it concrete.');
  await expect(reviews).toContainText('Clarity');

  await card.getByRole('button', { name: 'Reply' }).click();
  await card.getByLabel('Reply to this annotation').fill('Fair point, I will be specific.');
  await card.getByRole('button', { name: 'Send reply' }).click();
  await expect(card).toContainText('Fair point, I will be specific.');

  await card.getByRole('button', { name: 'Apply suggestion' }).click();
  const body = page.locator('[data-testid="annotated-body"]').first();
  await expect(body).toContainText(`the pilot in Porto was ${suggestion}, and`);
  await expect(body).not.toContainText(phrase);
  await expect(page.locator('.workflow')).toContainText('Version 2');
  await page.getByText('Resolved (1)').click();
  await expect(page.getByRole('list', { name: 'Resolved annotations' })).toContainText('Applied');

  // edit history shows both versions and the annotation on version 1
  await page.getByRole('button', { name: 'Show edit history' }).click();
  const versions = page.getByRole('list', { name: 'Versions' });
  await expect(versions.getByRole('heading', { name: /^Version 1/ })).toBeVisible();
  await expect(versions.getByRole('heading', { name: /^Version 2/ })).toBeVisible();
  await expect(versions).toContainText('Sounds like hype');
  // version 1 shows its own words, with the note highlighted where it was then
  const v1 = versions.locator(':scope > li[data-version="1"]');
  await expect(v1.getByTestId('annotated-body')).toContainText(`the pilot in Porto was ${phrase}, and`);
  await expect(v1.getByTestId('annotated-body')).not.toContainText(suggestion);
  await expect(v1.locator('mark.anno')).toHaveText(phrase);
  await expect(v1.getByRole('article')).toContainText(phrase);
  const v2 = versions.locator(':scope > li[data-version="2"]');
  await expect(v2.getByTestId('annotated-body')).toContainText(suggestion);
  // a word-level comparison of the two versions
  await expect(page.getByTestId('diff-summary')).toContainText('Version 1 → version 2');
  const removed = (await page.getByTestId('version-diff').locator('del').allTextContents()).join(' ');
  const added = (await page.getByTestId('version-diff').locator('ins').allTextContents()).join(' ');
  expect(removed).toContain('huge success');
  expect(added).toContain('real step forward');

  await page.getByRole('button', { name: 'Resubmit for review' }).click();
  await expect(page.getByTestId('post-state').first()).toHaveText('In review');

  // --- cora approves
  await switchUser(page, 'cora', '/review');
  const again = page.getByRole('list', { name: 'Posts waiting for review' }).locator(':scope > li').filter({ hasText: marker });
  await again.getByRole('link', { name: /^Review/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review: Evan Exec' })).toBeVisible();
  await expect(page.locator('[data-testid="annotated-body"]').first()).toContainText(suggestion);
  for (const group of ['Clarity', 'Tone', 'Audience fit', 'Policy']) {
    await page.getByRole('group', { name: group }).getByRole('radio', { name: '4' }).check();
  }
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();

  // --- approved, not yet out: the leader publishes it
  await switchUser(page, 'mia', '/');
  await expect(postItems(page, 'Company posts').filter({ hasText: marker })).toHaveCount(0);
  await switchUser(page, 'evan', '/me/posts');
  const approved = postItems(page, 'My posts').filter({ hasText: marker });
  await expect(approved.getByTestId('post-state')).toHaveText('Approved');
  await approved.getByRole('link', { name: 'Publish or schedule' }).click();
  await page.getByRole('button', { name: 'Publish now to Company' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published to Company.' })).toBeVisible();

  // --- published: everyone sees it in the company feed
  await switchUser(page, 'mia', '/');
  await expect(postItems(page, 'Company posts').filter({ hasText: marker })).toHaveCount(1);
  await expect(postItems(page, 'Company posts').filter({ hasText: marker })).toContainText(suggestion);
});

test('a coach can annotate by typing the words (keyboard only) and sees a refusal when they are not in the post', async ({ page }) => {
  const marker = unique('Quarterly note');
  await switchUser(page, 'evan', '/compose');
  await page.getByLabel('Your post').fill(`${marker}: thank you all for a strong quarter.`);
  await page.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My posts' })).toBeVisible();

  await switchUser(page, 'cora', '/review');
  const queued = page.getByRole('list', { name: 'Posts waiting for review' }).locator(':scope > li').filter({ hasText: marker });
  await queued.getByRole('link', { name: /^Review/ }).click();
  await page.getByLabel('Words to annotate', { exact: true }).fill('not in the post');
  await page.getByLabel('Comment', { exact: true }).fill('x');
  await page.getByRole('button', { name: 'Add annotation' }).click();
  await expect(page.locator('#annotate-error')).toContainText('not in the post');

  await page.getByLabel('Words to annotate', { exact: true }).fill('a strong quarter');
  await page.getByLabel('Category').selectOption('praise');
  await page.getByLabel('Comment', { exact: true }).fill('Warm and short. Keep it.');
  await page.getByLabel('Comment', { exact: true }).press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('mark.anno-praise')).toHaveText('a strong quarter');

  // a verdict without the rubric is refused before sending
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.locator('#verdict-error')).toContainText('Score every part of the rubric');
});

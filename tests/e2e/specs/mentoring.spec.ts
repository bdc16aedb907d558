import { expect, expectNoSeriousA11yViolations, postItems, saveScreenshot, selectPhrase, switchUser, test, unique } from '../fixtures';

/**
 * Reverse mentoring in the browser: rui (an executive) asks sam (a digital
 * champion) to mentor him; sam accepts; rui shares a draft with the "Show my
 * mentor" switch and asks a private question; sam annotates the exact words;
 * rui reads the note, marked as his mentor's.
 */
test('an executive asks a champion, the champion accepts and annotates a shared draft', async ({ page }) => {
  test.setTimeout(90_000);
  const marker = unique('Town hall idea');
  const text = `${marker}: next week I will answer every question live, no slides.`;
  const phrase = 'no slides';

  // rui finds the champions and asks Sam
  await switchUser(page, 'rui', '/mentoring');
  await expect(page.getByRole('heading', { level: 1, name: 'Reverse mentoring' })).toBeVisible();
  const champions = page.getByRole('list', { name: 'Champions' });
  const samCard = champions.getByRole('article', { name: /Sam Patel/ });
  await expect(samCard).toContainText('Internal comms, podcasts');
  await expect(champions.getByRole('article', { name: /Priya Raman/ })).toContainText('LinkedIn, short video');
  await samCard.getByRole('button', { name: 'Ask Sam Patel to mentor me' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Asked Sam Patel to be your reverse mentor.' })).toBeVisible();
  await expect(samCard.getByText('Request sent')).toBeVisible();
  const pairing = page.getByRole('list', { name: 'Pairings' }).getByRole('article', { name: 'Sam Patel mentors Rui Runner' });
  await expect(pairing).toContainText('Requested');
  await expectNoSeriousA11yViolations(page, 'mentoring (executive)');
  await saveScreenshot(page, 'mentoring-executive');

  // sam sees the request and accepts it
  await switchUser(page, 'sam', '/mentoring');
  const request = page.getByRole('article', { name: 'Mentoring Rui Runner' });
  await expect(request).toContainText('Requested');
  await request.getByRole('button', { name: 'Accept Rui Runner' }).click();
  await expect(request).toContainText('Active');
  // a mentor sees the executive's practice posts from the start
  await expect(request.getByRole('list', { name: 'Posts Rui Runner shares with you' })).toContainText('customer advisory board');
  await expectNoSeriousA11yViolations(page, 'mentoring (champion)');

  // rui writes a draft, switches "Show my mentor" on and asks a private question
  await switchUser(page, 'rui', '/compose');
  await page.getByLabel('Your post').fill(text);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByTestId('draft-saved').getByRole('link', { name: 'My posts' }).click();
  await postItems(page, 'My posts').filter({ hasText: marker }).getByRole('link', { name: 'Open post' }).click();
  await expect(page.getByText('Your reverse mentor:')).toContainText('Sam Patel');
  const share = page.getByRole('switch', { name: 'Show my mentor' });
  await expect(share).not.toBeChecked();
  await share.check();
  await expect(page.getByRole('status').filter({ hasText: 'Your mentor can now see this post.' })).toBeVisible();
  await expect(share).toBeChecked();
  await page.getByLabel('Your question').fill('Would this land with your team?');
  await page.getByRole('button', { name: 'Ask my mentor' }).click();
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText('Would this land with your team?');

  // sam opens the shared draft, selects the words and leaves a note
  await switchUser(page, 'sam', '/mentoring');
  const shared = page.getByRole('list', { name: 'Posts Rui Runner shares with you' });
  await shared.getByRole('link', { name: new RegExp(marker) }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mentor notes: Rui Runner' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText('Would this land with your team?');
  await expect(page.getByRole('button', { name: /Approve|Request changes/ })).toHaveCount(0);
  await selectPhrase(page, '[data-testid="annotated-body"]', phrase);
  await expect(page.getByLabel('Words to annotate', { exact: true })).toHaveValue(phrase);
  await page.getByLabel('Category').selectOption('praise');
  await page.getByLabel('Comment', { exact: true }).fill('Brave and human: people will show up for this.');
  await page.getByRole('button', { name: 'Add annotation' }).click();
  await expect(page.locator('mark.anno')).toHaveText(phrase);
  await page.getByLabel('Your answer').fill('It lands. Say when and where.');
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText('It lands.');
  await expectNoSeriousA11yViolations(page, 'mentor notes');
  await saveScreenshot(page, 'mentoring-mentor-notes');

  // rui reads the note, marked as his mentor's, and the answer
  await switchUser(page, 'rui', '/me/posts');
  await postItems(page, 'My posts').filter({ hasText: marker }).getByRole('link', { name: 'Open post' }).click();
  const note = page.getByRole('list', { name: 'Annotations on the text' }).getByRole('article').filter({ hasText: 'Brave and human' });
  await expect(note).toBeVisible();
  await expect(note.getByText('Mentor note')).toBeVisible();
  await expect(note).toContainText('Sam Patel (reverse mentor)');
  await expect(page.locator('[data-testid="annotated-body"] mark.anno').first()).toHaveText(phrase);
  await expect(page.getByRole('list', { name: 'Messages' })).toContainText('It lands.');
  await expectNoSeriousA11yViolations(page, 'shared draft with mentor notes');
  await saveScreenshot(page, 'mentoring-executive-reads-note');
});

test('the demo pairing shows in the coach’s cohort, and a mentor cannot see an unshared draft', async ({ page }) => {
  await switchUser(page, 'cora', '/cohort');
  const wren = page.locator('[data-user="wren"]');
  await expect(wren.getByTestId('mentors')).toHaveText('Reverse mentor: Priya Raman');
  await saveScreenshot(page, 'mentoring-cohort');

  // priya's seeded notes on wren's shared draft
  await switchUser(page, 'priya', '/mentoring');
  const shared = page.getByRole('list', { name: 'Posts Wren Walker shares with you' });
  await shared.getByRole('link', { name: /hybrid working pilot/ }).click();
  await expect(page.locator('mark.anno')).toHaveText(['Big milestone this week', 'Tell me what works and what does not.']);

  // a draft wren did not share is not there for priya
  await switchUser(page, 'wren', '/compose');
  const secret = unique('Not for my mentor');
  await page.getByLabel('Your post').fill(`${secret}: a first rough thought.`);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByTestId('draft-saved').getByRole('link', { name: 'My posts' }).click();
  const link = postItems(page, 'My posts').filter({ hasText: secret }).getByRole('link', { name: 'Open post' });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/posts\/\d+$/);
  await switchUser(page, 'priya', href!.replace('/posts/', '/mentor/posts/'));
  await expect(page.getByText('This post does not exist, or it is not shared with you.')).toBeVisible();
});

import { expect, expectNoSeriousA11yViolations, saveScreenshot, signIn, switchUser, test, unique } from '../fixtures';

/**
 * The CEO's Q&A blog: a member asks anonymously, the CEO answers with the server's
 * preview, the member is notified and the promise figures change; an admin enables a blog;
 * the worst XSS payloads render harmless in Chromium; a member reports a question, a
 * moderator hides it from the queue (which never names an anonymous asker) and it is gone for
 * the member; the temperature chart with its table and CSV.
 */
test.describe('Q&A blog', () => {
  test('a member asks anonymously, the CEO answers, the member is notified, the stats change', async ({ page }) => {
    const marker = unique('Will the Bristol site grow');
    await signIn(page, 'mia', '/blogs');
    await page.getByRole('link', { name: 'Ask Dana' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Ask Dana' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Questions' })).toBeVisible();
    await page.getByLabel('Your question').fill(`${marker}?`);
    await page.getByLabel('Topic (optional)').fill('Offices');
    await page.getByRole('checkbox', { name: 'Ask anonymously' }).check();
    await expect(page.getByText('Moderators and admins can still find out who asked')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'blog page');
    await saveScreenshot(page, 'blog-ask');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const mine = page.locator('article.question').filter({ hasText: marker });
    await expect(mine).toContainText('You, anonymously');
    await expect(mine.getByRole('button', { name: /Vote/ })).toBeDisabled();
    const waitingBefore = Number(await page.getByTestId('stat-waiting').textContent());

    // The CEO sees an anonymous question, answers it with a preview.
    await switchUser(page, 'dana', '/blogs');
    await page.getByRole('link', { name: 'Ask Dana' }).click();
    const card = page.locator('article.question').filter({ hasText: marker });
    await expect(card).toContainText('Anonymous');
    await expect(card).not.toContainText('Mia');
    await expect(page.getByRole('heading', { name: /waiting for you/ })).toBeVisible();
    await card.getByRole('button', { name: 'Answer' }).click();
    await card.getByLabel('Your answer').fill('Yes: **forty** new roles next year.');
    await expect(card.getByLabel('Preview').locator('strong')).toHaveText('forty');
    await expectNoSeriousA11yViolations(page, 'host answering');
    await saveScreenshot(page, 'blog-host-answer');
    await card.getByRole('button', { name: 'Publish the answer' }).click();
    await expect(card.locator('.answer strong')).toHaveText('forty');
    await expect(page.getByTestId('stat-waiting')).toHaveText(String(waitingBefore - 1));

    // The member is told.
    await switchUser(page, 'mia', '/notifications');
    await expect(page.locator('.notification-message').filter({ hasText: `Your question was answered: "${marker}` })).toBeVisible();
  });

  test('an admin enables a blog for a leader', async ({ page }) => {
    await signIn(page, 'ada', '/blogs');
    await expect(page.getByRole('heading', { level: 1, name: 'Blogs' })).toBeVisible();
    const form = page.locator('form.enable-blog');
    await form.getByLabel('Host').selectOption({ label: 'Rui Runner (rui)' });
    await form.getByLabel('Title').fill('Rui on the road');
    await form.getByLabel('Description').fill('Field notes from the sales team.');
    await expectNoSeriousA11yViolations(page, 'blogs and enable form');
    await saveScreenshot(page, 'blogs-admin');
    await form.getByRole('button', { name: 'Enable the blog' }).click();
    await expect(page.getByRole('link', { name: 'Rui on the road' })).toBeVisible();
    await form.getByLabel('Host').selectOption({ label: 'Rui Runner (rui)' });
    await form.getByLabel('Title').fill('Second');
    await form.getByRole('button', { name: 'Enable the blog' }).click();
    await expect(form.getByRole('alert')).toContainText('has one blog');
  });

  test('the worst XSS payloads in an article render harmless in Chromium', async ({ page }) => {
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    const payload = [
      '# Harmless',
      '<script>window.__xss = 1</script>',
      '<img src=x onerror="window.__xss = 2">',
      '[click](javascript:window.__xss=3)',
      '[entity](&#106;avascript:window.__xss=4)',
      '![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
      '<svg onload="window.__xss = 5"></svg>',
      '<iframe srcdoc="<script>parent.__xss=6</script>"></iframe>',
      '| a |\n| --- |\n| <img src=x onerror=alert(7)> |',
      '[x]: javascript:alert(8)\n\n[ref][x]',
    ].join('\n\n');
    await signIn(page, 'dana', '/blogs');
    await page.getByRole('link', { name: 'Ask Dana' }).click();
    await page.getByRole('tab', { name: 'Articles' }).click();
    await page.getByLabel('Article (Markdown)').fill(payload);
    await expect(page.getByTestId('article-body-preview').locator('h1')).toHaveText('Harmless');
    await page.getByRole('button', { name: 'Publish the article' }).click();
    await expect(page.locator('article.article h1').first()).toHaveText('Harmless');
    await page.reload();
    await page.getByRole('tab', { name: 'Articles' }).click();
    await expect(page.locator('article.article h1').first()).toHaveText('Harmless');
    for (const link of await page.locator('.markdown a').all()) {
      expect(((await link.getAttribute('href')) ?? '').toLowerCase()).not.toContain('javascript:');
    }
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('.markdown script, .markdown iframe, .markdown svg, .markdown [onerror]').count()).toBe(0);
    expect(dialogs).toBe(0);
  });

  test('a member reports a question, a moderator hides it, it is gone for the member', async ({ page }) => {
    const marker = unique('Is Chris in payroll on a warning');
    await signIn(page, 'mia', '/blogs');
    await page.getByRole('link', { name: 'Ask Dana' }).click();
    await page.getByLabel('Your question').fill(`${marker}?`);
    await page.getByRole('checkbox', { name: 'Ask anonymously' }).check();
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect(page.locator('article.question').filter({ hasText: marker })).toBeVisible();

    // Another member reports it.
    await switchUser(page, 'sam', '/blogs');
    await page.getByRole('link', { name: 'Ask Dana' }).click();
    await page.getByLabel('Sort by').selectOption('newest');
    const card = page.locator('article.question').filter({ hasText: marker });
    await card.getByRole('button', { name: 'Report this question by an anonymous colleague' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report this question' });
    await dialog.getByRole('radio', { name: 'Personal data' }).check();
    await dialog.getByLabel('Comment (optional)').fill('Guesses about a named colleague.');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'A moderator will look at your report' })).toBeVisible();

    // The moderator sees the question in the queue without its asker, and hides it.
    await switchUser(page, 'mo', '/moderation');
    const entry = page.getByRole('list', { name: 'Reported items' }).locator(':scope > li').filter({ hasText: marker });
    await expect(entry).toContainText('Question by an anonymous colleague');
    await expect(entry).toContainText('Personal data');
    await expect(entry).not.toContainText('Mia');
    await expect(entry.getByRole('radio', { name: 'Lock thread' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'moderation queue with a question');
    await saveScreenshot(page, 'moderation-queue-question');
    await entry.getByRole('radio', { name: 'Hide' }).check();
    await entry.getByLabel('Reason (required)').fill('Speculation about a named colleague.');
    await entry.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Hidden.' })).toBeVisible();

    // Gone for the member who reported it.
    await switchUser(page, 'sam', '/blogs');
    await page.getByRole('link', { name: 'Ask Dana' }).click();
    await page.getByLabel('Sort by').selectOption('newest');
    await expect(page.getByRole('list', { name: 'Questions' })).toBeVisible();
    await expect(page.locator('article.question').filter({ hasText: marker })).toHaveCount(0);

    // The asker sees it marked hidden and is told why; the notice opens the question.
    await switchUser(page, 'mia', '/notifications');
    const notice = page.locator('li').filter({ hasText: 'A moderator hid your question' }).first();
    await expect(notice).toContainText('Speculation about a named colleague.');
    await notice.getByRole('link', { name: 'Open the question' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /A question for Dana Whitfield/ })).toBeVisible();
    await expect(page.locator('article.question')).toContainText('Hidden by a moderator');
    await expect(page.locator('article.question')).toContainText('You, anonymously');
    await expectNoSeriousA11yViolations(page, 'question page');
    await saveScreenshot(page, 'question-page');
  });

  test('the Questions tab filters by topic; the host sees every waiting question; staff follow the blog and its host', async ({ page }) => {
    await signIn(page, 'sam', '/blogs');
    await page.getByRole('link', { name: 'Ask Dana' }).click();
    await expect(page.getByRole('list', { name: 'Questions' })).toBeVisible();
    const allCount = await page.locator('article.question').count();
    const topic = page.getByLabel('Topic', { exact: true });
    await expect(topic.locator('option', { hasText: 'pay' })).toHaveCount(1);
    await topic.selectOption('pay');
    const filtered = page.getByRole('list', { name: 'Questions about pay' });
    await expect(filtered).toBeVisible();
    const cards = filtered.locator('article.question');
    await expect(cards.first()).toBeVisible();
    const n = await cards.count();
    expect(n).toBeLessThan(allCount);
    for (let i = 0; i < n; i += 1) await expect(cards.nth(i).locator('.badge', { hasText: /^pay$/ })).toHaveCount(1);
    await expect(page).toHaveURL(/\/blogs\/\d+$/);
    await page.getByLabel('Sort by').selectOption('newest');
    await expect(filtered).toBeVisible();
    await topic.selectOption('');
    await expect(page.getByRole('list', { name: 'Questions' })).toBeVisible();

    // Follow the blog and its host from the page (sam follows Dana already, not her blog).
    const blogButton = page.getByRole('button', { name: 'Follow the blog Ask Dana' });
    const hostButton = page.getByRole('button', { name: 'Follow Dana Whitfield' });
    await expect(blogButton).toHaveAttribute('aria-pressed', 'false');
    await expect(hostButton).toHaveAttribute('aria-pressed', 'true');
    await blogButton.click();
    await expect(blogButton).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('status').filter({ hasText: 'You follow the blog Ask Dana now.' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'blog page with topic filter and follow buttons');
    await saveScreenshot(page, 'blog-topic-filter-follow');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Follow the blog Ask Dana' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Follow the blog Ask Dana' }).click();
    await expect(page.getByRole('button', { name: 'Follow the blog Ask Dana' })).toHaveAttribute('aria-pressed', 'false');

    // The host: no follow buttons; the count is the blog's, and one button lists them all.
    await switchUser(page, 'dana', '/blogs');
    await page.getByRole('link', { name: 'Ask Dana' }).click();
    await expect(page.getByRole('list', { name: 'Questions' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Follow / })).toHaveCount(0);
    const waiting = Number(await page.getByTestId('stat-waiting').textContent());
    expect(waiting).toBeGreaterThan(0);
    await expect(page.getByRole('heading', { name: `Questions — ${waiting} waiting for you` })).toBeVisible();
    await page.getByRole('button', { name: /waiting for you, oldest first/ }).click();
    await expect(page.getByLabel('Sort by')).toHaveValue('unanswered');
    await expect(page.getByRole('button', { name: /waiting for you, oldest first/ })).toHaveCount(0);
    const firstCard = page.locator('article.question').first();
    await expect(firstCard.getByRole('button', { name: 'Answer' })).toBeVisible();
  });

  test('the temperature chart shows questions and votes per topic by week', async ({ page }) => {
    await signIn(page, 'mia', '/blogs');
    await page.getByRole('link', { name: 'Ask Dana' }).click();
    await page.getByRole('tab', { name: 'Temperature' }).click();
    await expect(page.getByRole('heading', { name: 'Temperature: questions and votes per topic' })).toBeVisible();
    await expect(page.locator('figure.chart canvas')).toBeVisible();
    const table = page.getByRole('region', { name: 'Temperature table' });
    await expect(table.getByRole('columnheader', { name: 'Topic' })).toBeVisible();
    await expect(table.getByRole('cell', { name: 'pay' }).first()).toBeVisible();
    const csv = page.getByRole('link', { name: 'Download CSV (temperature)' });
    await expect(csv).toHaveAttribute('href', /^data:text\/csv/);
    expect(decodeURIComponent((await csv.getAttribute('href')) ?? '')).toContain('Week of,Topic,Questions,Votes');
    await expectNoSeriousA11yViolations(page, 'blog temperature');
    await saveScreenshot(page, 'blog-temperature');
  });
});

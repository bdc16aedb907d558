import { expect, expectNoSeriousA11yViolations, postItems, saveScreenshot, signIn, switchUser, test, unique } from '../fixtures';

test.describe('follows, profiles, topics and mentions', () => {
  test('the Following feed shows the people, topics and blogs the demo follows', async ({ page }) => {
    await signIn(page, 'mia');
    await page.getByRole('navigation', { name: 'Feeds' }).getByRole('link', { name: 'Following' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Following' })).toBeVisible();
    await expect(page).toHaveURL(/\/following$/);
    const items = postItems(page, 'Posts you follow');
    await expect(items.first()).toBeVisible();
    // Only people mia follows, or posts on her topics, or the blog she follows.
    const authors = await items.locator('[data-testid="author-link"]').allInnerTexts();
    expect(authors.length).toBeGreaterThan(3);
    for (const a of authors) expect(['@dana', '@rui', '@priya', '@sam', '@wren', '@lee', '@jordan']).toContain(a);
    await expectNoSeriousA11yViolations(page, 'following feed');
    await saveScreenshot(page, 'feed-following');
  });

  test('a profile shows a person and follows them with one button', async ({ page }) => {
    await signIn(page, 'sam', '/');
    // A post's author link leads to the author's profile.
    const author = postItems(page, 'Company posts').first().getByTestId('author-link');
    const handle = (await author.innerText()).slice(1);
    await author.click();
    await expect(page).toHaveURL(new RegExp(`/people/${handle}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.goto('/people/lee');
    await expect(page).toHaveURL(/\/people\/lee$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Lee Okafor' })).toBeVisible();
    await expect(postItems(page, 'Posts by Lee Okafor').first()).toBeVisible();
    const follow = page.getByRole('button', { name: 'Follow Lee Okafor' });
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    const counts = page.getByTestId('profile-counts');
    const before = Number(/(\d+) follower/.exec(await counts.innerText())?.[1] ?? '-1');
    await follow.click();
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
    await expect(follow).toHaveText(/Following/);
    await expect(counts).toContainText(`${before + 1} follower`);
    await expectNoSeriousA11yViolations(page, 'profile');
    await saveScreenshot(page, 'profile');
    // It holds after a reload, and lee's posts are in sam's Following feed.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Follow Lee Okafor' })).toHaveAttribute('aria-pressed', 'true');
    await page.goto('/following');
    await expect(postItems(page, 'Posts you follow').locator('[data-testid="author-link"]', { hasText: '@lee' }).first()).toBeVisible();
    await page.goto('/people/lee');
    await page.getByRole('button', { name: 'Follow Lee Okafor' }).click();
    await expect(page.getByRole('button', { name: 'Follow Lee Okafor' })).toHaveAttribute('aria-pressed', 'false');
  });

  test('a #topic links to its page, which can be followed', async ({ page }) => {
    await signIn(page, 'priya', '/topics/onboarding');
    await expect(page.getByRole('heading', { level: 1, name: '#onboarding' })).toBeVisible();
    const items = postItems(page, 'Posts about #onboarding');
    await expect(items.first()).toContainText('buddy programme');
    // The mention in the post leads to the person's profile, the topic back to this page.
    await expect(items.first().getByTestId('ref-topic')).toHaveAttribute('href', '/topics/onboarding');
    const follow = page.getByRole('button', { name: 'Follow #onboarding' });
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    await follow.click();
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('topic-followers')).toContainText('2 people follow it');
    await expectNoSeriousA11yViolations(page, 'topic page');
    await saveScreenshot(page, 'topic');
    await follow.click();
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    await items.first().getByTestId('ref-mention').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mia Member' })).toBeVisible();
  });

  test('the composer completes @mentions and warns about a practice post they cannot see', async ({ page }) => {
    await signIn(page, 'rui', '/compose');
    await page.getByRole('radio', { name: /Practice/ }).check();
    const box = page.getByLabel('Your post');
    await box.pressSequentially('Rehearsing with @wr');
    const list = page.getByRole('listbox', { name: 'People to mention' });
    await expect(list).toBeVisible();
    await expect(list.getByRole('option').first()).toContainText('Wren Walker');
    await expect(box).toHaveAttribute('aria-activedescendant', /composer-mention-0/);
    await expectNoSeriousA11yViolations(page, 'composer with mention suggestions');
    await saveScreenshot(page, 'composer-mentions');
    await box.press('Enter');
    await expect(list).toHaveCount(0);
    await expect(box).toHaveValue('Rehearsing with @wren ');
    // A staff member cannot read a practice post: the composer says the mention will not reach them.
    await box.pressSequentially('and @mia');
    await expect(page.getByRole('option').first()).toContainText('cannot see this practice post');
    await box.press('Escape');
    await expect(page.getByTestId('mention-reach')).toContainText('@mia cannot see practice posts');
    await expectNoSeriousA11yViolations(page, 'composer with a mention warning');
    // In the company space everyone can: the warning goes.
    await page.getByRole('radio', { name: /Company/ }).check();
    await expect(page.getByTestId('mention-reach')).toHaveCount(0);
    await box.fill('');
  });

  test('a new-follower notice links to the follower’s profile', async ({ page }) => {
    await signIn(page, 'mia', '/notifications');
    const notice = page.getByRole('list', { name: 'Notifications' }).locator(':scope > li').filter({ hasText: 'Sam Patel (@sam) follows you now.' });
    await expect(notice).toBeVisible();
    const link = notice.getByRole('link', { name: 'See their profile' });
    await expect(link).toHaveAttribute('href', '/people/sam');
    await link.click();
    await expect(page).toHaveURL(/\/people\/sam$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sam Patel' })).toBeVisible();
  });

  test('the Following tab counts new posts of followed people in a bar, live, and leaves others out', async ({ browser }) => {
    const reader = await browser.newContext({ ignoreHTTPSErrors: true });
    const writer = await browser.newContext({ ignoreHTTPSErrors: true });
    const readerPage = await reader.newPage();
    const writerPage = await writer.newPage();
    const publish = async (text: string) => {
      await writerPage.goto('/compose');
      await writerPage.getByLabel('Your post').fill(text);
      await writerPage.getByRole('button', { name: 'Publish' }).click();
      await expect(writerPage.getByRole('heading', { level: 1, name: 'Company feed' })).toBeVisible();
    };
    try {
      // mia follows sam (and dana, rui, priya, wren), not ada.
      await signIn(readerPage, 'mia', '/following');
      const items = postItems(readerPage, 'Posts you follow');
      await expect(items.first()).toBeVisible();
      const topBefore = await items.first().locator('.post-body').innerText();
      await expect(readerPage.getByTestId('new-posts-bar')).toHaveCount(0);

      await signIn(writerPage, 'ada', '/');
      await publish(unique('Not followed: a note from the admin desk'));
      await switchUser(writerPage, 'sam', '/');
      const followed = unique('Followed: the team lunch moves to Thursday');
      await publish(followed);

      const bar = readerPage.getByTestId('new-posts-bar');
      await expect(bar).toHaveText('1 new post', { timeout: 5000 });
      await expect(items.first().locator('.post-body')).toHaveText(topBefore); // the list did not move
      await readerPage.waitForTimeout(700);
      await expect(bar).toHaveText('1 new post'); // the admin's post never counted
      await expectNoSeriousA11yViolations(readerPage, 'following feed with new posts bar');
      await saveScreenshot(readerPage, 'following-new-posts-bar');
      await bar.click();
      await expect(items.first()).toContainText(followed);
      await expect(readerPage.getByTestId('new-posts-bar')).toHaveCount(0);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  test('everyday notifications can be turned off on the notifications screen', async ({ page }) => {
    await signIn(page, 'mia', '/notifications');
    await expect(page.getByText('Sam Patel (@sam) follows you now.', { exact: true })).toBeVisible();
    await page.getByText('Notification settings').click();
    const likes = page.getByRole('checkbox', { name: 'Likes of my posts (grouped per post)' });
    await expect(likes).toBeChecked();
    await likes.uncheck();
    await expect(likes).not.toBeChecked();
    await expect(page.getByRole('status').filter({ hasText: 'Likes of my posts (grouped per post): off.' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'notification settings');
    await saveScreenshot(page, 'notification-settings');
    await page.reload();
    await page.getByText('Notification settings').click();
    await expect(page.getByRole('checkbox', { name: 'Likes of my posts (grouped per post)' })).not.toBeChecked();
    await page.getByRole('checkbox', { name: 'Likes of my posts (grouped per post)' }).check();
    await expect(page.getByRole('checkbox', { name: 'Likes of my posts (grouped per post)' })).toBeChecked();
  });
});

import { expect, expectNoSeriousA11yViolations, postItems, saveScreenshot, signIn, test } from '../fixtures';

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

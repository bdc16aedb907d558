import { expect, fillSignIn, signIn, test } from '../fixtures';

test.describe('signing in and out', () => {
  test('a member signs in and sees their name and role', async ({ page }) => {
    await signIn(page, 'mia');
    const header = page.getByRole('banner');
    await expect(header.getByTestId('account-name')).not.toBeEmpty();
    await expect(header.getByTestId('account-role')).toHaveText('Member');
    await expect(page.getByRole('heading', { level: 1, name: 'Company feed' })).toBeVisible();
    // members have no practice space
    await expect(page.getByRole('link', { name: 'Practice' })).toHaveCount(0);
  });

  test('an executive sees role and training level, and the practice tab', async ({ page }) => {
    await signIn(page, 'evan');
    await expect(page.getByRole('banner').getByTestId('account-role')).toHaveText('Executive · Crawl');
    await page.getByRole('navigation', { name: 'Feeds' }).getByRole('link', { name: 'Practice' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Practice feed' })).toBeVisible();
    await expect(page).toHaveURL(/\/practice$/);
  });

  test('a wrong password shows an error next to the form', async ({ page }) => {
    await page.goto('/');
    await fillSignIn(page, 'rui', 'not-the-password');
    const alert = page.locator('#signin-error');
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).not.toBeEmpty();
    await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expect(page.getByLabel('Password')).toBeFocused();
    // and the right one still works afterwards
    await fillSignIn(page, 'rui');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });

  test('signing out returns to the sign-in form and ends the session', async ({ page }) => {
    await signIn(page, 'mia');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
    await expect(page.getByText('You have signed out.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
  });

  test('signing in works with the keyboard only', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByLabel('Username')).toBeFocused();
    await page.keyboard.type('wren');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password')).toBeFocused();
    await page.keyboard.type('practice-makes-perfect');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('banner').getByTestId('account-role')).toHaveText('Executive · Walk');

    // Focus starts at the new screen's heading; the header is just before it.
    await expect(page.getByRole('heading', { level: 1, name: 'Company feed' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Security' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    const newPost = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New post' });
    await expect(newPost).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'New post' })).toBeVisible();
    await expect(page.getByLabel('Your post')).toBeFocused();
    await page.keyboard.type('Typed without a mouse');
    // The golden-rule hints below the text link to the rules page, then come the actions.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Read the golden rules' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Preview as the company will see it' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Preview' })).toContainText('Typed without a mouse');

    // On a fresh page load the first Tab reaches the skip link, which jumps to the content.
    await page.goto('/me/posts');
    await expect(page.getByRole('heading', { level: 1, name: 'My posts' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'My posts' })).toBeFocused();
  });
});

import { expect, fillSignIn, postItems, signIn, test, unique } from '../fixtures';

test.describe('an expired session', () => {
  test('leads back to sign-in and the half-written post is restored afterwards', async ({ page, context }) => {
    await signIn(page, 'mia', '/compose');
    const text = unique('A long, carefully written note about our values ✨ that must not get lost');
    await page.getByLabel('Your post').fill(text);

    // The session ends (cookie gone, as after expiry); then the person acts.
    // Let background requests (lint hints, unread count) settle first, so the expiry is
    // noticed by the person's own action, not by a request that happened to be in flight.
    await page.waitForLoadState('networkidle');
    await context.clearCookies();
    await page.getByRole('button', { name: 'Publish' }).click();

    await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
    await expect(page.getByText(/Your session has ended/)).toBeVisible();
    await fillSignIn(page, 'mia');

    await expect(page.getByRole('heading', { level: 1, name: 'New post' })).toBeVisible();
    await expect(page.getByLabel('Your post')).toHaveValue(text);
    await expect(page.getByText('We kept the post you were writing.')).toBeVisible();

    // and it can be published now
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Company feed' })).toBeVisible();
    await expect(page.getByText(text)).toBeVisible();
  });

  test('a reply being written is kept too', async ({ page, context }) => {
    await signIn(page, 'rui');
    await postItems(page, 'Company posts').first().getByRole('link', { name: /repl/ }).click();
    const reply = unique('Agreed, and thanks to everyone who stayed late');
    await page.getByLabel('Write a reply').fill(reply);
    // Let background requests (lint hints, unread count) settle first, so the expiry is
    // noticed by the person's own action, not by a request that happened to be in flight.
    await page.waitForLoadState('networkidle');
    await context.clearCookies();
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
    await fillSignIn(page, 'rui');
    await expect(page.getByLabel('Write a reply')).toHaveValue(reply);
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Replies' })).toContainText(reply);
    await expect(page.getByLabel('Write a reply')).toHaveValue('');
  });

  test('a different person signing in does not see the draft', async ({ page, context }) => {
    await signIn(page, 'rui', '/compose');
    const text = unique('Rui private draft');
    await page.getByLabel('Your post').fill(text);
    // Let background requests (lint hints, unread count) settle first, so the expiry is
    // noticed by the person's own action, not by a request that happened to be in flight.
    await page.waitForLoadState('networkidle');
    await context.clearCookies();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
    await fillSignIn(page, 'wren');
    await expect(page.getByRole('heading', { level: 1, name: 'New post' })).toBeVisible();
    await expect(page.getByLabel('Your post')).not.toHaveValue(text);
  });

  test('expiry while reading the feed also returns to sign-in', async ({ page, context }) => {
    await signIn(page, 'mia');
    // Let background requests (lint hints, unread count) settle first, so the expiry is
    // noticed by the person's own action, not by a request that happened to be in flight.
    await page.waitForLoadState('networkidle');
    await context.clearCookies();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My posts' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
    await fillSignIn(page, 'mia');
    await expect(page.getByRole('heading', { level: 1, name: 'My posts' })).toBeVisible();
  });
});

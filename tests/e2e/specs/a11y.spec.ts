import { expect, expectNoSeriousA11yViolations, fillSignIn, postItems, saveScreenshot, signIn, test } from '../fixtures';

test.describe('accessibility and screenshots of the main screens', () => {
  test('sign in', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'sign in');
    await saveScreenshot(page, 'sign-in');

    await fillSignIn(page, 'mia', 'wrong-password');
    await expect(page.locator('#signin-error')).not.toBeEmpty();
    await expectNoSeriousA11yViolations(page, 'sign in with error');
    await saveScreenshot(page, 'sign-in-error');
  });

  test('company feed', async ({ page }) => {
    await signIn(page, 'evan');
    await expect(postItems(page, 'Company posts').first()).toBeVisible();
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'company feed');
    await saveScreenshot(page, 'feed-company');
  });

  test('practice feed', async ({ page }) => {
    await signIn(page, 'cora', '/practice');
    await expect(page.getByRole('heading', { level: 1, name: 'Practice feed' })).toBeVisible();
    await expect(page.locator('.paged-list')).toHaveAttribute('aria-busy', 'false');
    await expectNoSeriousA11yViolations(page, 'practice feed');
    await saveScreenshot(page, 'feed-practice');
  });

  test('composer with preview', async ({ page }) => {
    await signIn(page, 'wren', '/compose');
    await page.getByLabel('Your post').fill('Rehearsing our all-hands message: thank you all for an incredible quarter! 🙌');
    await page.getByRole('button', { name: 'Preview as the company will see it' }).click();
    await expect(page.getByRole('region', { name: 'Preview' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'composer');
    await saveScreenshot(page, 'composer');
  });

  test('post detail', async ({ page }) => {
    await signIn(page, 'mia');
    await postItems(page, 'Company posts').first().getByRole('link', { name: /repl/ }).click();
    await expect(page.getByRole('heading', { name: /^Replies/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'post detail');
    await saveScreenshot(page, 'post-detail');
  });

  test('my posts', async ({ page }) => {
    await signIn(page, 'evan', '/me/posts');
    await expect(page.getByRole('heading', { level: 1, name: 'My posts' })).toBeVisible();
    await expect(page.locator('.paged-list')).toHaveAttribute('aria-busy', 'false');
    await expectNoSeriousA11yViolations(page, 'my posts');
    await saveScreenshot(page, 'my-posts');
  });

  test('narrow screen (375 px) feed and composer', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn(page, 'rui');
    await expect(postItems(page, 'Company posts').first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page, 'feed at 375px');
    await saveScreenshot(page, 'feed-375');

    // the sticky header is one row with a menu, not three rows of links
    const header = page.getByRole('banner');
    const height = await header.evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(64);
    const menu = header.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My posts' })).toBeHidden();
    await expect(header.getByRole('link', { name: /^Notifications/ })).toBeVisible();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My posts' })).toBeVisible();
    await expect(header.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'header menu open at 375px');
    await saveScreenshot(page, 'header-menu-375');
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    await menu.click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My posts' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My posts' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false'); // a new page closes it
    await page.goto('/');

    await page.getByRole('link', { name: 'New post' }).first().click();
    await page.getByLabel('Your post').fill('Short and sweet from my phone.');
    const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow2).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'composer-375');
  });

  test('focus is visible on links, buttons and fields', async ({ page }) => {
    await signIn(page, 'mia');
    await expect(postItems(page, 'Company posts').first()).toBeVisible();
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return {
          what: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 30) ?? ''}`,
          tag: el.tagName.toLowerCase(),
          outline: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
        };
      });
      if (!focus) continue;
      seen.add(focus.tag);
      expect(focus.outline, `focus outline on ${focus.what}`).not.toBe('none');
      expect(focus.width, `focus outline width on ${focus.what}`).toBeGreaterThanOrEqual(2);
    }
    expect([...seen]).toEqual(expect.arrayContaining(['a', 'button']));
  });
});

import { expect, expectNoSeriousA11yViolations, saveScreenshot, signIn, test } from '../fixtures';

// The Copy button writes to the real clipboard; the test reads it back.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.describe('private feed addresses', () => {
  test('copy the address, read the feed with it, make a new one that voids the old', async ({ page }) => {
    await signIn(page, 'priya', '/security');
    const section = page.getByRole('region', { name: 'Your feed address' });
    await expect(section).toBeVisible();
    const make = section.getByRole('button', { name: 'Make my feed address' });
    const address = section.getByLabel('Feed address (Atom)');
    await expect(make.or(address)).toBeVisible();
    if (await make.isVisible()) await make.click();
    await expect(address).toHaveValue(/^https:\/\/[^/]+\/feeds\/[A-Za-z0-9_-]+\/users\/priya\.atom$/);
    const old = await address.inputValue();

    await section.getByRole('button', { name: 'Copy' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(old);

    // The address works in a feed reader: Atom of priya's posts.
    const feed = await page.request.get(old);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    await expectNoSeriousA11yViolations(page, 'security screen with the feed address');
    await saveScreenshot(page, 'feed-address-security');

    // A new address, after a confirmation; the old one stops working.
    await section.getByRole('button', { name: 'Make a new address' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a new feed address?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Keep the current address' }).click();
    await expect(dialog).toBeHidden();
    await expect(address).toHaveValue(old);
    await section.getByRole('button', { name: 'Make a new address' }).click();
    await dialog.getByRole('button', { name: 'Make a new address' }).click();
    await expect(dialog).toBeHidden();
    await expect(address).not.toHaveValue(old);
    const fresh = await address.inputValue();
    expect((await page.request.get(old)).status()).toBe(404);
    expect((await page.request.get(fresh)).status()).toBe(200);
    await expect(page.getByRole('status').filter({ hasText: 'The old one no longer works.' })).toBeVisible();

    // The company feed's address on the feed screen uses the new token.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feed' }).click();
    await page.getByText('Read the company feed in your feed reader').click();
    const company = page.getByLabel('Feed address (Atom)');
    const token = fresh.split('/feeds/')[1].split('/')[0];
    await expect(company).toHaveValue(new RegExp(`/feeds/${token}/company\\.atom$`));
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByTestId('feed-address-copied')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await company.inputValue());
    const companyFeed = await page.request.get(await company.inputValue());
    expect(companyFeed.status()).toBe(200);
    await expectNoSeriousA11yViolations(page, 'feed screen with the feed address open');
    await saveScreenshot(page, 'feed-address-company');

    // A blog's address: its articles and answered questions.
    await page.goto('/blogs');
    await page.getByRole('link', { name: 'Ask Dana' }).click();
    await page.getByText("Read this blog's articles and answers in your feed reader").click();
    const blogAddress = page.getByLabel('Feed address (Atom)');
    await expect(blogAddress).toHaveValue(new RegExp(`/feeds/${token}/blogs/\\d+\\.atom$`));
    const blogFeed = await page.request.get(await blogAddress.inputValue());
    expect(blogFeed.status()).toBe(200);
    expect(await blogFeed.text()).toContain('<entry>');

    // A topic's address, on the topic page: the posts about it.
    await page.goto('/topics/onboarding');
    await expect(page.getByRole('heading', { level: 1, name: '#onboarding' })).toBeVisible();
    await page.getByText('Read posts about #onboarding in your feed reader').click();
    const topicAddress = page.getByLabel('Feed address (Atom)');
    await expect(topicAddress).toHaveValue(new RegExp(`/feeds/${token}/topics/onboarding\\.atom$`));
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByTestId('feed-address-copied')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await topicAddress.inputValue());
    const topicFeed = await page.request.get(await topicAddress.inputValue());
    expect(topicFeed.status()).toBe(200);
    const topicXml = await topicFeed.text();
    expect(topicXml).toContain('<title>Greenroom: #onboarding</title>');
    expect(topicXml).toContain('buddy programme');
    await expectNoSeriousA11yViolations(page, 'topic page with the feed address open');
    await saveScreenshot(page, 'feed-address-topic');
  });
});

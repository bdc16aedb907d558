import { expect, expectNoSeriousA11yViolations, saveScreenshot, signIn, switchUser, test } from '../fixtures';

test.describe('insights', () => {
  test('the coach sees the CEO’s joining effect with its counts, a chart with its table, and CSV downloads', async ({ page }) => {
    await signIn(page, 'cora');
    // Insights sits under the header's "More" menu.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
    // Dana (CEO) is picked first: the demo history has her joining half-way.
    await expect(page.getByLabel('Person')).toHaveValue(/\d+/);
    await expect(page.getByRole('heading', { name: 'Joining effect of Dana Whitfield (CEO)' })).toBeVisible();
    const headline = page.getByTestId('joining-headline');
    await expect(headline).toHaveText(/^\+\d+\.\d\d% messages, \+\d+\.\d\d% replies, \+\d+\.\d\d% likes$/);
    const joining = page.getByRole('table', { name: /around Dana Whitfield \(CEO\)’s first company post/ });
    await expect(joining.getByRole('row')).toHaveCount(4);
    // The headline is worked out from the counts in the table.
    const cells = await joining.getByRole('row', { name: /Messages/ }).getByRole('cell').allTextContents();
    const [before, after] = cells.map(Number);
    const expected = (((after - before) / before) * 100).toFixed(2);
    await expect(headline).toContainText(`+${expected}% messages`);

    const weekly = page.getByRole('table', { name: 'Weekly activity of Dana Whitfield (CEO)' });
    await expect(weekly.getByRole('row')).toHaveCount(13); // header + 12 weeks
    await expect(page.locator('.chart-canvas canvas')).toHaveCount(1);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV (joining effect)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('greenroom-joining-dana.csv');
    await expectNoSeriousA11yViolations(page, 'insights (coach)');
    await saveScreenshot(page, 'insights-coach');

    // another executive of the cohort
    await page.getByLabel('Person').selectOption({ label: 'Evan Exec' });
    await expect(page.getByRole('heading', { name: 'Weekly activity of Evan Exec' })).toBeVisible();
  });

  test('an executive sees their own weeks; a member has no Insights', async ({ page }) => {
    await signIn(page, 'rui', '/insights');
    await expect(page.getByRole('heading', { name: 'Weekly activity of Rui Runner' })).toBeVisible();
    await expect(page.getByLabel('Person')).toHaveCount(0);
    await expect(page.getByTestId('weekly-totals')).toContainText('Last 12 weeks:');
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page, 'insights at 375px');
    await saveScreenshot(page, 'insights-375');
    await page.setViewportSize({ width: 1280, height: 800 });

    await switchUser(page, 'mia', '/insights');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' })).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/not available/i);
  });
});

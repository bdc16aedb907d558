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
    await expect(page.locator('section[aria-labelledby="weekly-heading"] .chart-canvas canvas')).toHaveCount(1);
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

  test('the coach sees “Suggest Walk for Evan Exec” with its evidence, Evan’s coaching trends as charts with tables and CSV, and dismisses it', async ({ page }) => {
    await signIn(page, 'cora', '/insights');
    const card = page.getByRole('article', { name: 'Suggest Walk for Evan Exec' });
    await expect(card).toBeVisible();
    const evidence = card.getByRole('list', { name: 'Evidence for Evan Exec' }).getByRole('listitem');
    await expect(evidence).toHaveCount(4);
    await expect(card).toContainText('5 of the last 5 approvals in at most 1 round');
    await expect(card).toContainText('10 of the last 10 submissions with no error finding');
    await expect(card.getByRole('button', { name: 'Accept: move to Walk' })).toBeVisible();

    // Evan's trends: one person over time, not a ranking of the cohort.
    await page.getByLabel('Person').selectOption({ label: 'Evan Exec' });
    await expect(page.getByRole('heading', { name: 'Coaching trends of Evan Exec' })).toBeVisible();
    const section = page.locator('section.coaching-trends');
    await expect(section.locator('.chart-canvas canvas')).toHaveCount(2);
    const table = page.getByRole('table', { name: 'Coaching evidence of Evan Exec by week' });
    await expect(table.getByRole('row')).toHaveCount(13); // header + 12 weeks
    // Findings fall: the first week of the history has some, the three weeks before this one none.
    const findings = async (row: number) => Number((await table.getByRole('row').nth(row).getByRole('cell').allTextContents())[2]);
    expect(await findings(1)).toBeGreaterThan(0);
    for (const row of [8, 9, 10]) expect(await findings(row)).toBe(0);
    const rules = page.getByRole('table', { name: /Golden-rule findings of Evan Exec/ });
    await expect(rules.getByRole('row').nth(1).getByRole('rowheader')).toHaveText(/Confidential terms|Insecure links/);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV (coaching evidence)' }).click();
    expect((await download).suggestedFilename()).toBe('greenroom-coaching-evan.csv');
    await expectNoSeriousA11yViolations(page, 'insights (coaching evidence)');
    await saveScreenshot(page, 'insights-coaching-evidence');

    // Dismissed: the card goes (audited on the server; it comes back only with new evidence).
    await card.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Suggestion for Evan Exec dismissed.' })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Suggest Walk for Evan Exec' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Coaching trends of Evan Exec' })).toBeVisible();
  });

  test('an executive sees their own coaching trends and where they stand towards the next level', async ({ page }) => {
    await signIn(page, 'evan', '/insights');
    await expect(page.getByRole('heading', { name: 'Your coaching trends' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Coaching evidence of Evan Exec by week' }).getByRole('row')).toHaveCount(13);
    await expect(page.getByTestId('coaching-totals')).toContainText('Last 12 weeks:');
    const towards = page.getByRole('list', { name: 'Evidence towards Walk' }).getByRole('listitem');
    await expect(towards).toHaveCount(4);
    // No suggestion cards and no one else's figures for an executive.
    await expect(page.getByRole('region', { name: 'Level suggestions' })).toHaveCount(0);
    await expect(page.getByLabel('Person')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'insights (own coaching trends)');
    await saveScreenshot(page, 'insights-own-coaching');
  });
});

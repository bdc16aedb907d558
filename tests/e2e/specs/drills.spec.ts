import { expect, expectNoSeriousA11yViolations, saveScreenshot, signIn, switchUser, test, unique } from '../fixtures';

test.describe('drills', () => {
  test('a drill from assignment to persona reply to the executive’s answer, private to the executive and her coach', async ({ page }) => {
    // cora assigns wren a drill from wren's coaching card, playing one persona.
    const scenario = unique('Announce the canteen closing; expect push-back');
    await signIn(page, 'cora', '/cohort');
    const wren = page.locator('section.cohort-member[data-user="wren"]');
    await wren.getByRole('button', { name: 'Assign a drill to Wren Walker' }).click();
    await wren.getByLabel('Scenario').fill(scenario);
    await wren.getByLabel('Persona 1 name').fill('Sceptical engineer');
    await wren.getByLabel('Persona 1 description').fill('Thinks every change is a cost cut.');
    await wren.getByRole('button', { name: 'Assign drill' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Drill assigned to Wren Walker.' })).toBeVisible();
    const assigned = wren.getByRole('article', { name: `Drill: ${scenario}` });
    await expect(assigned.getByTestId('drill-status')).toHaveText('Assigned');

    // wren sees it with her goals and writes the drill's post.
    await switchUser(page, 'wren', '/goals');
    const card = page.getByRole('list', { name: 'Your drills' }).getByRole('article', { name: `Drill: ${scenario}` });
    await expect(card).toContainText('Sceptical engineer');
    await card.getByRole('button', { name: 'Write the post for this drill' }).click();
    await card.getByLabel('Your practice post for this drill').fill('The canteen closes in May; we are adding a kitchen on every floor instead.');
    await card.getByRole('button', { name: 'Publish to practice' }).click();
    await expect(page).toHaveURL(/\/posts\/\d+$/);
    const postUrl = new URL(page.url()).pathname;
    await expect(page.getByRole('region', { name: 'Drill' })).toContainText(scenario);

    // cora replies in character, choosing the persona.
    await switchUser(page, 'cora', postUrl);
    const drill = page.getByRole('region', { name: 'Drill' });
    await expect(drill.getByTestId('drill-status')).toHaveText('In progress');
    await drill.getByLabel('Reply as', { exact: true }).selectOption({ label: 'Sceptical engineer' });
    await drill.getByLabel('Persona reply', { exact: true }).fill('So this is a cost cut with extra steps?');
    await drill.getByRole('button', { name: 'Reply as persona' }).click();
    const simulated = page.getByRole('list', { name: 'Replies' }).getByRole('article').filter({ hasText: 'cost cut with extra steps' });
    await expect(simulated.getByTestId('simulated-label')).toContainText('Simulated reply — played by your coach as Sceptical engineer');

    // wren sees the simulated reply labelled as such and answers it; the answer waits for review.
    await switchUser(page, 'wren', postUrl);
    const persona = page.getByRole('list', { name: 'Replies' }).getByRole('article').filter({ hasText: 'cost cut with extra steps' });
    await expect(persona.getByTestId('simulated-label')).toContainText('Simulated reply — played by your coach as Sceptical engineer');
    await page.getByLabel('Write a reply').fill('No: the same budget now feeds every floor, and nobody walks five minutes for coffee.');
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    const answer = page.getByRole('list', { name: 'Replies' }).getByRole('article').filter({ hasText: 'nobody walks five minutes' });
    await expect(answer.getByTestId('held-marker')).toContainText('Waiting for your coach');
    await expect(answer.getByTestId('held-marker')).toContainText('only the executive and their coaches ever see it');
    await expectNoSeriousA11yViolations(page, 'drill post (executive)');
    await saveScreenshot(page, 'drill-thread');

    // rui (same coach, so he reads wren's practice posts) sees neither the drill nor its replies.
    await switchUser(page, 'rui', postUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Post by Wren Walker' })).toBeAttached();
    await expect(page.getByRole('region', { name: 'Drill' })).toHaveCount(0);
    await expect(page.getByText('cost cut with extra steps')).toHaveCount(0);
    await expect(page.getByText('nobody walks five minutes')).toHaveCount(0);

    // cora finds the answer waiting, and marks the drill complete from wren's card.
    await switchUser(page, 'cora', '/cohort');
    const done = page.locator('section.cohort-member[data-user="wren"]').getByRole('article', { name: `Drill: ${scenario}` });
    await expect(done.getByTestId('drill-status')).toHaveText('In progress');
    await expectNoSeriousA11yViolations(page, 'cohort with drills');
    await saveScreenshot(page, 'drills-cohort');
    await done.getByRole('button', { name: 'Mark drill complete' }).click();
    await expect(done.getByTestId('drill-status')).toHaveText('Completed');
  });
});

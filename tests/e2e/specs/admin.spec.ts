import { expect, switchUser, test, unique } from '../fixtures';

test.describe('admin', () => {
  test('creates a user, changes a role, assigns and unassigns a coach', async ({ page }) => {
    await switchUser(page, 'ada', '/');
    // Admin sits under the header's "More" menu.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'More' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Admin · Users' })).toBeVisible();
    const username = unique('exec').replace(/\s+/g, '').toLowerCase().slice(0, 20);
    await page.getByText('Create a user').click();
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Display name').fill('Nova Newhire');
    await page.getByLabel('Role', { exact: true }).selectOption('executive');
    await page.getByLabel('Training level').selectOption('crawl');
    await page.getByLabel('Password').fill('a-long-enough-password-42');
    await page.getByRole('button', { name: 'Create user' }).click();
    const row = page.locator(`article.user-row[data-username="${username}"]`);
    await expect(row).toContainText('Nova Newhire');
    await expect(row).toContainText('Executive');
    // a new executive without a coach is flagged until one is assigned
    await expect(row.getByTestId('no-coach')).toContainText('No coach yet');

    // the same username again is refused with the server's message, under the field
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Display name').fill('Nova Again');
    await page.getByLabel('Password').fill('a-long-enough-password-42');
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.locator('form.create-user .form-error')).not.toBeEmpty();
    await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#new-user-error')).toContainText('is taken');

    // roles: make mo's twin... change the new user's role to member and back
    await row.getByLabel('Role of Nova Newhire').selectOption('member');
    await row.getByRole('button', { name: /^Change role/ }).click();
    await expect(row).toContainText('Member');
    await row.getByLabel('Role of Nova Newhire').selectOption('executive');
    await row.getByRole('button', { name: /^Change role/ }).click();
    await expect(row.locator('.user-ident')).toContainText('Executive');

    // an admin cannot disable themself: no button on their own row
    await expect(page.locator('article.user-row[data-username="ada"]').getByRole('button', { name: /^Disable/ })).toHaveCount(0);

    // coach assignments
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Coach assignments' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Admin · Coach assignments' })).toBeVisible();
    await page.getByLabel('Executive', { exact: true }).selectOption({ label: `Nova Newhire (@${username})` });
    await page.getByLabel('Coach', { exact: true }).selectOption({ label: 'Cora Coach (@cora)' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    const cora = page.getByRole('list', { name: 'Cora Coach @cora' });
    await expect(cora).toContainText('Nova Newhire');
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Users' }).click();
    await expect(row.getByTestId('no-coach')).toHaveCount(0);

    // cora sees her new executive in the cohort
    await switchUser(page, 'cora', '/cohort');
    await expect(page.locator(`section.cohort-member[data-user="${username}"]`)).toBeVisible();

    await switchUser(page, 'ada', '/admin/coaches');
    await page.getByRole('button', { name: 'Unassign Nova Newhire from Cora Coach' }).click();
    await expect(page.getByRole('list', { name: 'Cora Coach @cora' })).not.toContainText('Nova Newhire');

    // disable the new user
    await page.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Users' }).click();
    await row.getByRole('button', { name: 'Disable Nova Newhire' }).click();
    await expect(row).toContainText('Disabled');
  });

  test('edits the policy: version goes up, invalid documents are refused with the reason', async ({ page }) => {
    await switchUser(page, 'ada', '/admin/policy');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin · Policy rules' })).toBeVisible();
    await page.getByText('Advanced: edit as JSON').click();
    const box = page.getByLabel('Golden rules (JSON)');
    await expect(box).not.toHaveValue('');
    const version = Number(await page.getByTestId('policy-version').locator('strong').textContent());
    const policy = JSON.parse(await box.inputValue());
    policy.hashtags.max_hashtags = (policy.hashtags.max_hashtags ?? 3) + 1;
    await box.fill(JSON.stringify(policy, null, 2));
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expect(page.getByTestId('policy-version').locator('strong')).not.toHaveText(String(version));
    const saved = Number(await page.getByTestId('policy-version').locator('strong').textContent());
    expect(saved).toBeGreaterThan(version);
    await expect(page.getByRole('status').filter({ hasText: `Policy saved: version ${saved}.` })).toBeVisible();

    // not JSON: refused in the browser
    await box.fill('{"hashtags": ');
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expect(page.locator('#policy-error')).toContainText('not valid JSON');

    // an unknown key: refused by the server, its message next to the editor
    await box.fill(JSON.stringify({ ...policy, no_such_rule: { enabled: true } }, null, 2));
    await page.getByRole('button', { name: 'Save policy' }).click();
    await expect(page.locator('#policy-error')).toContainText(/no_such_rule|unknown/i);
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('policy-version').locator('strong')).toHaveText(String(saved));
  });
});

import { createHmac } from 'node:crypto';
import { request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, fillSignIn, PASSWORD, saveScreenshot, test } from '../fixtures';

/** RFC 4648 Base32 to bytes (the secret the Security screen shows). */
function base32Bytes(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text.replace(/[\s=]/g, '').toUpperCase()) {
    const index = alphabet.indexOf(ch);
    if (index < 0) throw new Error(`not Base32: ${text}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s) for a time step. */
function totp(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Bytes(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return code.toString().padStart(6, '0');
}

const currentStep = () => Math.floor(Date.now() / 30_000);

/** A context signed in as `username` from another "browser", with its CSRF token. */
async function signInElsewhere(baseURL: string, username: string, userAgent: string) {
  const ctx = await playwrightRequest.newContext({ baseURL, ignoreHTTPSErrors: true, extraHTTPHeaders: { 'User-Agent': userAgent } });
  const res = await ctx.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  expect(res.status()).toBe(200);
  const { csrf_token } = (await res.json()) as { csrf_token: string };
  return { ctx, csrf: csrf_token };
}

/** Creates a member through the admin API (a fresh account for each run). */
async function createMember(baseURL: string, username: string): Promise<void> {
  const admin = await signInElsewhere(baseURL, 'ada', 'e2e-setup');
  const res = await admin.ctx.post('/api/v1/users', {
    headers: { 'X-CSRF-Token': admin.csrf },
    data: { username, display_name: `Sam ${username.slice(-4)}`, role: 'member', password: PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(201);
  await admin.ctx.dispose();
}

async function signInAs(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
  await fillSignIn(page, username);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

async function draftKeys(page: Page, username: string): Promise<string[]> {
  return page.evaluate(
    (prefix) => Object.keys(window.localStorage).filter((k) => k.startsWith(prefix)),
    `greenroom.draft.v1.${username}.`,
  );
}

const suffix = Date.now().toString(36);

test.describe('the Security screen', () => {
  test('lists sessions, ends another, turns on two-step sign-in and signs in with a code', async ({ page, baseURL }) => {
    const username = `sam.sec${suffix}`;
    await createMember(baseURL!, username);
    const other = await signInElsewhere(baseURL!, username, 'OtherBrowser/1.0');

    await signInAs(page, username);
    await page.getByRole('link', { name: 'Security' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
    const sessions = page.getByRole('list', { name: 'Your sessions' }).locator(':scope > li');
    await expect(sessions).toHaveCount(2);
    await expect(sessions.filter({ hasText: 'This browser' })).toHaveCount(1);
    await expect(sessions.filter({ hasText: 'OtherBrowser/1.0' })).toContainText('127.0.0.1');
    await expectNoSeriousA11yViolations(page, 'security');
    await saveScreenshot(page, 'security');

    // End the other session: it is signed out on the server.
    await sessions.filter({ hasText: 'OtherBrowser/1.0' }).getByRole('button', { name: /^Sign out OtherBrowser/ }).click();
    await expect(sessions).toHaveCount(1);
    await expect(page.getByText('You are signed in only here.')).toBeVisible();
    expect((await other.ctx.get('/api/v1/me')).status()).toBe(401);
    await other.ctx.dispose();

    // Two-step sign-in: the QR code and the key are shown; the code is computed from the key.
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
    const secret = (await page.getByTestId('totp-secret').getAttribute('data-secret'))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect(page.getByTestId('totp-secret')).toHaveText(secret.replace(/(.{4})(?=.)/g, '$1 '));
    await expectNoSeriousA11yViolations(page, 'security, enrolment');
    await saveScreenshot(page, 'security-totp-enrol');
    const enrolStep = currentStep();
    await page.getByLabel('Code from the app').fill(totp(secret, enrolStep));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).locator(':scope > li');
    await expect(codes).toHaveCount(10);
    await expect(codes.first()).toHaveText(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    await saveScreenshot(page, 'security-recovery-codes');
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await expect(page.getByText(/^On\./)).toBeVisible();
    await expect(page.getByRole('list', { name: 'Recovery codes' })).toHaveCount(0);

    // Signing in now asks for the code; the code used to enrol is refused, the next one works.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
    await fillSignIn(page, username);
    const codeField = page.getByLabel('Authentication code');
    await expect(codeField).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'sign-in code');
    await saveScreenshot(page, 'signin-totp');
    await codeField.fill(totp(secret, enrolStep));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect(page.locator('#signin-error')).toContainText(/already used|not right/);
    await codeField.fill(totp(secret, enrolStep + 1));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });
});

test.describe('signing out on a shared computer', () => {
  test('offers to save unsent drafts on the server, then removes them from the browser', async ({ page, baseURL }) => {
    const username = `sam.drafts${suffix}`;
    await createMember(baseURL!, username);
    await signInAs(page, username);

    // Discard: the text is gone from this browser.
    await page.goto('/compose');
    const first = `A half-written thought ${suffix}`;
    await page.getByLabel('Your post').fill(first);
    expect(await draftKeys(page, username)).toHaveLength(1);
    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Keep what you were writing?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Unsent drafts' })).toContainText(first);
    await expectNoSeriousA11yViolations(page, 'sign-out drafts dialog');
    await saveScreenshot(page, 'signout-drafts');
    await dialog.getByRole('button', { name: 'Discard and sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
    expect(await draftKeys(page, username)).toEqual([]);

    // Save: the text is kept as a server draft, and still not in the browser.
    await signInAs(page, username);
    await page.goto('/compose');
    const second = `Worth keeping for later ${suffix}`;
    await page.getByLabel('Your post').fill(second);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Save as drafts and sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
    expect(await draftKeys(page, username)).toEqual([]);
    await signInAs(page, username);
    await page.goto('/me/posts');
    await expect(page.getByText(second)).toBeVisible();
    await expect(page.getByText(first)).toHaveCount(0);
  });
});

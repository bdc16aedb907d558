import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer, templateFromEnv, type DemoServer } from './demo-server';

/** Seed-demo users (docs: all share this password). */
export const PASSWORD = 'practice-makes-perfect';
export const USERS = {
  ada: { username: 'ada', role: 'Admin', name: 'Ada Admin' },
  mo: { username: 'mo', role: 'Moderator' },
  cora: { username: 'cora', role: 'Coach' },
  evan: { username: 'evan', role: 'Executive', level: 'Crawl' },
  wren: { username: 'wren', role: 'Executive', level: 'Walk' },
  rui: { username: 'rui', role: 'Executive', level: 'Run' },
  mia: { username: 'mia', role: 'Member' },
  sam: { username: 'sam', role: 'Member' },
  priya: { username: 'priya', role: 'Member' },
  dana: { username: 'dana', role: 'Executive', level: 'Run' },
} as const;
export type Username = keyof typeof USERS;

const here = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOT_DIR = path.join(here, 'screenshots');

/** One server per spec file, on its own copy of the seeded demo data (demo-server.ts). */
class DemoServers {
  private current: { file: string; server: DemoServer } | undefined;

  /** The server of `file`: the one already running for it, or a fresh one. */
  async forFile(file: string): Promise<DemoServer> {
    if (this.current?.file === file) return this.current.server;
    await this.stop();
    const server = await startDemoServer(templateFromEnv());
    this.current = { file, server };
    return server;
  }

  async stop(): Promise<void> {
    const running = this.current;
    this.current = undefined;
    await running?.server.stop();
  }
}

export const test = base.extend<{ pageProblems: string[] }, { demoServers: DemoServers }>({
  demoServers: [
    async ({}, use) => {
      const servers = new DemoServers();
      await use(servers);
      await servers.stop();
    },
    { scope: 'worker' },
  ],
  // The spec file's own server (started with the file's first test, see DemoServers).
  baseURL: async ({ demoServers }, use, testInfo) => {
    await use((await demoServers.forFile(testInfo.file)).baseURL);
  },
  // Every test fails on an uncaught script error or anything the strict
  // Content Security Policy refused (inline script/style, foreign origin).
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to (load|apply|execute|connect)/i.test(message.text())) {
          problems.push(`CSP: ${message.text()}`);
        }
      });
      await use(problems);
      expect(problems, 'script errors or CSP violations in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** A text no other test (or earlier run) wrote. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Fills in and submits the sign-in form on the current page. */
export async function fillSignIn(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens `path` signed in as `username` and waits for the app shell. */
export async function signIn(page: Page, username: Username, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
  await fillSignIn(page, username);
  // The app shell is up (on a phone the account sits behind the header's menu button).
  await expect(page.getByTestId('account-name')).toBeAttached();
}

/** The list of posts on a feed or My posts page. */
export function postItems(page: Page, listName: string) {
  return page.getByRole('list', { name: listName }).locator(':scope > li');
}

/** Runs axe-core (WCAG 2.x A and AA) and fails on serious or critical violations. */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious
    .map((v) => `${v.impact}: ${v.id} — ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
  expect(serious, `axe violations on ${screen}:\n${report}`).toEqual([]);
}

/** Saves a full-page screenshot as tests/e2e/screenshots/NAME.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Signs out (if signed in) and signs in again as `username` at `path`. */
export async function switchUser(page: Page, username: Username, path = '/'): Promise<void> {
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible().catch(() => false)) {
    await signOut.click();
    await expect(page.getByRole('heading', { name: 'Sign in to Greenroom' })).toBeVisible();
  }
  await signIn(page, username, path);
}

/**
 * Selects `phrase` inside the element matched by `selector` with a real DOM
 * selection (as a mouse drag would), across highlight marks if needed.
 */
export async function selectPhrase(page: Page, selector: string, phrase: string): Promise<void> {
  // The body is re-rendered with highlights once the annotations arrive; a selection made
  // before that would be lost, as it would be for a person selecting during the load.
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    ({ selector, phrase }) => {
      const root = document.querySelector(selector);
      if (!root) throw new Error(`no element ${selector}`);
      const texts: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
      const full = texts.map((t) => t.data).join('');
      const at = full.indexOf(phrase);
      if (at < 0) throw new Error(`phrase not in the text: ${phrase}`);
      const locate = (offset: number, preferNext: boolean): [Text, number] => {
        let seen = 0;
        for (const t of texts) {
          const end = seen + t.data.length;
          if (offset < end || (!preferNext && offset === end)) return [t, offset - seen];
          seen = end;
        }
        const last = texts[texts.length - 1];
        return [last, last.data.length];
      };
      const [sn, so] = locate(at, true);
      const [en, eo] = locate(at + phrase.length, false);
      const range = document.createRange();
      range.setStart(sn, so);
      range.setEnd(en, eo);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    { selector, phrase },
  );
}

/** The unread count the bell in the header announces. */
export async function unreadCount(page: Page): Promise<number> {
  const label = (await page.getByRole('link', { name: /^Notifications,/ }).getAttribute('aria-label')) ?? '';
  const m = label.match(/(\d+) unread/);
  return m ? Number(m[1]) : 0;
}

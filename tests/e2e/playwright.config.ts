import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests of the browser client against the real server
 * (build/greenroom) with demo data, in Debian's Chromium.
 * global-setup.ts seeds the demo data once; each spec file gets its own
 * `greenroom serve --port 0` on a copy of it (fixtures.ts, demo-server.ts), so
 * two workers run spec files side by side without seeing each other's changes.
 * The tests of one file run in order on that file's server.
 */
const CHROMIUM = process.env.GREENROOM_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  globalSetup: './global-setup.ts',
  // Most of a journey's time is spent waiting (server, page, expect polling), so two
  // workers use the two cores better than one. GREENROOM_E2E_WORKERS overrides.
  workers: Number(process.env.GREENROOM_E2E_WORKERS ?? 2),
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    ignoreHTTPSErrors: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
  ],
});

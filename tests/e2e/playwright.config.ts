import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests of the browser client against the real server
 * (build/greenroom) with demo data, in Debian's Chromium.
 * global-setup.ts seeds the demo data once; each spec file gets its own
 * `greenroom serve --port 0` on a copy of it (fixtures.ts, demo-server.ts), so
 * no spec file sees another's changes (and workers could run them side by side).
 * The tests of one file run in order on that file's server.
 */
const CHROMIUM = process.env.GREENROOM_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  globalSetup: './global-setup.ts',
  // One worker by default: on the 2-core CI machine Chromium keeps both cores busy, so two
  // workers saved only ~10% and made timing-sensitive journeys flaky (composer: the golden
  // rules' hint disabled Publish before the test clicked it). The spec files do not depend on
  // each other (one server each), so GREENROOM_E2E_WORKERS=2 works on a bigger machine.
  workers: Number(process.env.GREENROOM_E2E_WORKERS ?? 1),
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

/**
 * Prepares the browser tests:
 *   - builds client-web/dist when it is missing or older than its sources;
 *   - seeds the demo data once into a template directory (greenroom seed-demo --data DIR);
 *   - chooses the loopback port of the reading spec's test feed.
 * Each spec file then runs against its own `greenroom serve --port 0 --static client-web/dist`
 * on a copy of the template (demo-server.ts, the `demoServer` fixture in fixtures.ts). The
 * returned function removes the template.
 *
 * GREENROOM_BIN overrides the server binary (default <repo>/build/greenroom).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';

/** A free loopback port (for the reading list's test feed server, see specs/reading.spec.ts). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');

/** Newest modification time (ms) of the files under `target`. */
function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Builds client-web/dist when it is missing or older than its sources. */
function ensureClientBuilt(): string {
  const clientDir = path.join(repo, 'client-web');
  const dist = path.join(clientDir, 'dist');
  const index = path.join(dist, 'index.html');
  const sources = ['src', 'public', 'index.html', 'package-lock.json', 'vite.config.ts'].map((f) =>
    newestMtime(path.join(clientDir, f)),
  );
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const stale = built === 0 || Math.max(...sources) > built;
  if (!stale && !process.env.GREENROOM_E2E_REBUILD) return dist;
  console.log(`[e2e] building client-web (${built === 0 ? 'dist/ missing' : 'dist/ older than its sources'})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (!existsSync(path.join(clientDir, 'node_modules'))) {
    const ci = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: clientDir, stdio: 'inherit' });
    if (ci.status !== 0) throw new Error('npm ci in client-web failed');
  }
  const build = spawnSync(npm, ['run', 'build'], { cwd: clientDir, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build in client-web failed');
  return dist;
}

function run(bin: string, args: string[]): void {
  const result = spawnSync(bin, args, { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0) {
    throw new Error(
      `${path.basename(bin)} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const bin = process.env.GREENROOM_BIN ?? path.join(repo, 'build', 'greenroom');
  if (!existsSync(bin)) {
    throw new Error(`Greenroom server binary not found at ${bin}. Build the server first (see README).`);
  }
  const dist = ensureClientBuilt();
  const templateDir = mkdtempSync(path.join(tmpdir(), 'greenroom-e2e-template-'));
  run(bin, ['seed-demo', '--data', templateDir]);

  // The reading list's fetcher may reach this one loopback port (nothing else internal): the
  // spec serves its test feed there.
  const feedPort = await freePort();
  process.env.GREENROOM_E2E_BIN = bin;
  process.env.GREENROOM_E2E_DIST = dist;
  process.env.GREENROOM_E2E_TEMPLATE = templateDir;
  process.env.GREENROOM_E2E_FEED_PORT = String(feedPort);
  console.log(`[e2e] demo data seeded in ${templateDir}; one server per spec file`);

  return async () => {
    rmSync(templateDir, { recursive: true, force: true });
  };
}

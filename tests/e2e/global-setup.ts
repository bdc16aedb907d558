/**
 * Starts a Greenroom server with demo data for the whole run:
 *   greenroom seed-demo --data DIR
 *   greenroom serve --data DIR --port 0 --static client-web/dist
 * The server prints `greenroom listening on https://127.0.0.1:PORT` as its
 * first line on stdout. The returned function stops it (SIGTERM) and removes
 * the data directory.
 *
 * GREENROOM_BIN overrides the server binary (default <repo>/build/greenroom).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
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
const LISTEN_RE = /^greenroom listening on (https?:\/\/[^\s]+)\s*$/;

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

function waitForListening(server: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const stderr: string[] = [];
    const timer = setTimeout(() => {
      reject(new Error(`server did not print its address within ${timeoutMs} ms\n${stderr.join('')}`));
    }, timeoutMs);
    server.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 200) stderr.push(chunk.toString());
    });
    const lines = createInterface({ input: server.stdout! });
    let first = true;
    lines.on('line', (line) => {
      if (process.env.GREENROOM_E2E_VERBOSE) console.log('[server]', line);
      if (!first) return;
      first = false;
      clearTimeout(timer);
      const m = line.match(LISTEN_RE);
      if (m) resolve(m[1].replace(/\/$/, ''));
      else reject(new Error(`unexpected first line from the server: ${JSON.stringify(line)}`));
    });
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (${code ?? signal})\n${stderr.join('')}`));
    });
    server.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const bin = process.env.GREENROOM_BIN ?? path.join(repo, 'build', 'greenroom');
  if (!existsSync(bin)) {
    throw new Error(`Greenroom server binary not found at ${bin}. Build the server first (see README).`);
  }
  const dist = ensureClientBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'greenroom-e2e-'));

  run(bin, ['seed-demo', '--data', dataDir]);

  // The reading list's fetcher may reach this one loopback port (nothing else internal): the
  // spec serves its test feed there.
  const feedPort = await freePort();
  process.env.GREENROOM_E2E_FEED_PORT = String(feedPort);
  const server = spawn(
    bin,
    ['serve', '--data', dataDir, '--port', '0', '--static', dist, '--feed-allow-address', `127.0.0.1:${feedPort}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let baseURL: string;
  try {
    baseURL = await waitForListening(server, 30_000);
  } catch (error) {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  // Keep draining output so the server never blocks on a full pipe.
  server.stdout?.resume();
  server.stderr?.resume();
  process.env.GREENROOM_BASE_URL = baseURL;
  process.env.GREENROOM_DATA_DIR = dataDir;
  console.log(`[e2e] server at ${baseURL} (data ${dataDir})`);

  return async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      server.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        console.warn('[e2e] server did not stop within 10 s of SIGTERM; killing it');
        server.kill('SIGKILL');
      }
    }
    if (!process.env.GREENROOM_E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
}

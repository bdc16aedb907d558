/**
 * Starting and stopping a Greenroom server on a copy of the seeded demo data.
 *
 * global-setup.ts seeds the demo data once (`greenroom seed-demo`) into a template
 * directory. Each spec file then gets its own server on its own copy of that template
 * (fixtures.ts, `demoServer`), so the specs do not depend on what other specs changed
 * and can run on two workers at once. Tests inside one file share that file's server and
 * run in order.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const LISTEN_RE = /^greenroom listening on (https?:\/\/[^\s]+)\s*$/;

/** What global-setup hands to the workers (through the environment). */
export interface DemoTemplate {
  bin: string;
  dist: string;
  templateDir: string;
  feedPort: number;
}

export function templateFromEnv(): DemoTemplate {
  const { GREENROOM_E2E_BIN, GREENROOM_E2E_DIST, GREENROOM_E2E_TEMPLATE, GREENROOM_E2E_FEED_PORT } = process.env;
  if (!GREENROOM_E2E_BIN || !GREENROOM_E2E_DIST || !GREENROOM_E2E_TEMPLATE || !GREENROOM_E2E_FEED_PORT) {
    throw new Error('the demo template is not set: global-setup did not run');
  }
  return {
    bin: GREENROOM_E2E_BIN,
    dist: GREENROOM_E2E_DIST,
    templateDir: GREENROOM_E2E_TEMPLATE,
    feedPort: Number(GREENROOM_E2E_FEED_PORT),
  };
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

/** A running server on its own copy of the demo data. */
export interface DemoServer {
  baseURL: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Copies the template data directory and starts `greenroom serve` on it (port 0). The
 * reading list's fetcher may reach one loopback port (nothing else internal): the reading
 * spec serves its test feed there.
 */
export async function startDemoServer(template: DemoTemplate): Promise<DemoServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'greenroom-e2e-'));
  cpSync(template.templateDir, dataDir, { recursive: true });
  const server = spawn(
    template.bin,
    [
      'serve',
      '--data',
      dataDir,
      '--port',
      '0',
      '--static',
      template.dist,
      '--feed-allow-address',
      `127.0.0.1:${template.feedPort}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const removeData = () => {
    if (!process.env.GREENROOM_E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
  let baseURL: string;
  try {
    baseURL = await waitForListening(server, 30_000);
  } catch (error) {
    server.kill('SIGTERM');
    removeData();
    throw error;
  }
  // Keep draining output so the server never blocks on a full pipe.
  server.stdout?.resume();
  server.stderr?.resume();
  return {
    baseURL,
    dataDir,
    async stop() {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
        server.kill('SIGTERM');
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
        if ((await Promise.race([exited, timeout])) === 'timeout') {
          console.warn('[e2e] server did not stop within 10 s of SIGTERM; killing it');
          server.kill('SIGKILL');
        }
      }
      removeData();
    },
  };
}

// What the real-server tests share: the shipped configurations in docs/hosting/ with their port and folder
// substituted, a copy of a build the server's workers can read, free ports, and waiting for a server to answer.
import type { ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { projectRoot } from './build.ts';

/** Where the shipped configurations expect the built site. */
export const DOCS_DIST = '/srv/rectification-kit/dist';
/** The sub-path the shipped *-subpath.conf files serve. */
export const DOCS_SUB_PATH = '/kit/archive/';

/** A running server: the site's address (ending in its base path) and how to stop it. */
export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * The text of docs/hosting/<name>, with `listen` replaced by `port` (exactly one occurrence of `portPattern`) and
 * every DOCS_DIST by `distDir`. Fails when a placeholder is missing, so the test never runs something else.
 */
export function readHostingConfig(name: string, portPattern: string, portReplacement: string, distDir: string): string {
  const file = path.join(projectRoot, 'docs', 'hosting', name);
  const text = readFileSync(file, 'utf8');
  const ports = text.split(portPattern).length - 1;
  if (ports !== 1) throw new Error(`${file}: expected "${portPattern}" once, found it ${ports} times`);
  if (!text.includes(DOCS_DIST)) throw new Error(`${file}: does not serve ${DOCS_DIST}`);
  return text.replace(portPattern, portReplacement).replaceAll(DOCS_DIST, distDir.replace(/\/+$/u, ''));
}

/** The configuration file for a base path: the root one, or the sub-path one (which serves DOCS_SUB_PATH only). */
export function pickHostingConfig(server: 'nginx' | 'apache', base: string): string {
  if (base === '/') return `${server}.conf`;
  if (base !== DOCS_SUB_PATH) throw new Error(`docs/hosting/${server}-subpath.conf serves ${DOCS_SUB_PATH}, not ${base}`);
  return `${server}-subpath.conf`;
}

/** A free TCP port on the loopback interface. */
export function getFreePort(): Promise<number> {
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

/** The name of the WebAssembly file the copy made by copySite() adds (Pagefind ships its own as .pagefind). */
export const WASM_PROBE = 'probe.wasm';

/**
 * Copies a build into a fresh folder that a server's unprivileged workers can read (test builds sit in private
 * temp folders). The copy also holds Pagefind's WebAssembly, unpacked, as WASM_PROBE: Pagefind 1.6 names its own
 * wasm.<language>.pagefind, so this is how a `.wasm` file (any other tool's) is checked for its type.
 */
export function copySite(distDir: string): string {
  const work = mkdtempSync(path.join(tmpdir(), 'rk-host-'));
  chmodSync(work, 0o755);
  const target = path.join(work, 'dist');
  cpSync(distDir, target, { recursive: true });
  const wasm = readdirSync(path.join(target, 'pagefind')).find((name) => /^wasm\..*\.pagefind$/u.test(name));
  if (!wasm) throw new Error(`${distDir}: Pagefind's WebAssembly (pagefind/wasm.*.pagefind) is missing`);
  // The unpacked file is Pagefind's signature, then the module from its magic number on.
  const unpacked = gunzipSync(readFileSync(path.join(target, 'pagefind', wasm)));
  const start = unpacked.indexOf(Buffer.from('\0asm', 'latin1'));
  if (start < 0) throw new Error(`${wasm}: no WebAssembly module inside`);
  writeFileSync(path.join(target, WASM_PROBE), unpacked.subarray(start));
  return target;
}

/** Waits until `url` answers below 500; fails with the server's stderr when it exits or takes 10 s. */
export async function waitForServer(url: string, child: ChildProcess, stderr: () => string, close: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`${child.spawnfile} exited: ${stderr()}`);
    if (Date.now() > deadline) {
      await close();
      throw new Error(`${child.spawnfile} did not answer on ${url}: ${stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Stops a child process with `signal` and resolves when it has exited. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

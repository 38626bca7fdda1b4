// Starts Debian's nginx on a loopback port serving a built dist/ at the root or under a sub-path,
// with the configuration the README documents; stopped by the returned close().
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderCspHeader } from '../../src/lib/csp.ts';

/** Where nginx lives; NGINX_PATH overrides. */
export function getNginxPath(): string {
  const candidate = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
  if (!existsSync(candidate)) throw new Error(`nginx not found at ${candidate}: apt-get install -y nginx-light, or set NGINX_PATH`);
  return candidate;
}

function getFreePort(): Promise<number> {
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

/** The http-level lines the README shows: MIME types (Pagefind and any .wasm) and UTF-8 for text files. */
export const NGINX_HTTP_LINES = [
  'include /etc/nginx/mime.types;',
  '# Older mime.types lack .wasm; nginx only warns about the duplicate where it is already there.',
  'types { application/wasm wasm; }',
  'default_type application/octet-stream;',
  'charset utf-8;',
  "# Compress text, scripts and WebAssembly; Pagefind's .pf_* files are gzip already.",
  'gzip on;',
  'gzip_types text/css application/javascript text/javascript application/json application/wasm image/svg+xml;',
];

/**
 * The location block the README shows, for a site built with BASE_PATH=base and copied to distDir: files from
 * distDir (root at /, alias under a sub-path), folders' index.html, the built 404 page, and the CSP as a header
 * on every response (frame-ancestors only works there).
 */
export function renderNginxLocation(distDir: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const dir = distDir.replace(/\/+$/u, '');
  return [
    `location ${prefix} {`,
    prefix === '/' ? `    root ${dir};` : `    alias ${dir}/;`,
    '    index index.html;',
    '    try_files $uri $uri/ =404;',
    `    error_page 404 ${prefix}404.html;`,
    `    add_header Content-Security-Policy "${renderCspHeader()}" always;`,
    '}',
  ].join('\n');
}

/** The server block the README shows (listen is the only difference between the test and a real host). */
export function renderNginxServer(distDir: string, base: string, listen: string): string {
  const indent = (text: string) =>
    text
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n');
  return ['server {', `    listen ${listen};`, '    absolute_redirect off;', indent(renderNginxLocation(distDir, base)), '}'].join('\n');
}

/** Starts nginx serving distDir under base; resolves when it answers. */
export async function startNginx(distDir: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const nginx = getNginxPath();
  const prefixDir = mkdtempSync(path.join(tmpdir(), 'rk-nginx-'));
  const port = await getFreePort();
  const conf = path.join(prefixDir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'daemon off;',
      // As root, workers would run as nobody, who cannot enter the test's private temp folders.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'worker_processes 1;',
      `pid ${prefixDir}/nginx.pid;`,
      `error_log ${prefixDir}/error.log warn;`,
      'events { worker_connections 64; }',
      'http {',
      ...NGINX_HTTP_LINES.map((line) => `    ${line}`),
      '    access_log off;',
      `    client_body_temp_path ${prefixDir}/body;`,
      `    proxy_temp_path ${prefixDir}/proxy;`,
      `    fastcgi_temp_path ${prefixDir}/fastcgi;`,
      `    uwsgi_temp_path ${prefixDir}/uwsgi;`,
      `    scgi_temp_path ${prefixDir}/scgi;`,
      renderNginxServer(distDir, base, `127.0.0.1:${port}`)
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n'),
      '}',
      '',
    ].join('\n'),
  );
  // -e: the log nginx writes before it has read the configuration, kept out of /var/log.
  const args = ['-e', path.join(prefixDir, 'error.log'), '-p', prefixDir, '-c', conf];
  const test = spawnSync(nginx, ['-t', ...args], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx rejected its configuration:\n${test.stderr}`);
  const child = spawn(nginx, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}${base.endsWith('/') ? base : `${base}/`}`;
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGQUIT');
    });
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    if (Date.now() > deadline) {
      await close();
      throw new Error(`nginx did not answer on ${url}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, close };
}

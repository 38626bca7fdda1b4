// Starts Debian's nginx on a loopback port with the shipped docs/hosting/nginx*.conf (port and folder substituted)
// serving a built dist/ at the root or under the sub-path; stopped by the returned close().
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { normalizeBase } from '#src/lib/urls.ts';
import { getFreePort, pickHostingConfig, type RunningServer, readHostingConfig, stopProcess, waitForServer } from './hosting.ts';

/** Where nginx lives; NGINX_PATH overrides. */
export function getNginxPath(): string {
  const candidate = process.env['NGINX_PATH'] ?? '/usr/sbin/nginx';
  if (!existsSync(candidate)) throw new Error(`nginx not found at ${candidate}: apt-get install -y nginx-light, or set NGINX_PATH`);
  return candidate;
}

/** Starts nginx serving distDir under base with the shipped configuration; resolves when it answers. */
export async function startNginx(distDir: string, base = '/'): Promise<RunningServer> {
  const nginx = getNginxPath();
  const prefixDir = mkdtempSync(path.join(tmpdir(), 'rk-nginx-'));
  const port = await getFreePort();
  const server = readHostingConfig(pickHostingConfig('nginx', base), 'listen 80;', `listen 127.0.0.1:${port};`, distDir);
  const conf = path.join(prefixDir, 'nginx.conf');
  // The main context a system's /etc/nginx/nginx.conf would give, kept inside the temp folder.
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
      '    access_log off;',
      `    client_body_temp_path ${prefixDir}/body;`,
      `    proxy_temp_path ${prefixDir}/proxy;`,
      `    fastcgi_temp_path ${prefixDir}/fastcgi;`,
      `    uwsgi_temp_path ${prefixDir}/uwsgi;`,
      `    scgi_temp_path ${prefixDir}/scgi;`,
      server,
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
  const url = `http://127.0.0.1:${port}${normalizeBase(base)}`;
  const close = () => stopProcess(child, 'SIGQUIT');
  await waitForServer(url, child, () => stderr, close);
  return { url, close };
}

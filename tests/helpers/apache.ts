// Starts Debian's Apache (apache2) in the foreground on a loopback port with the shipped
// docs/hosting/apache*.conf (port and folder substituted) serving a built dist/; stopped by the returned close().
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { normalizeBase } from '#src/lib/urls.ts';
import { getFreePort, pickHostingConfig, type RunningServer, readHostingConfig, stopProcess, waitForServer } from './hosting.ts';

/** Where apache2 lives; APACHE_PATH overrides. */
export function getApachePath(): string {
  const candidate = process.env['APACHE_PATH'] ?? '/usr/sbin/apache2';
  if (!existsSync(candidate)) throw new Error(`Apache not found at ${candidate}: apt-get install -y apache2, or set APACHE_PATH`);
  return candidate;
}

/** Where Debian keeps Apache's modules; APACHE_MODULES overrides. */
const MODULES_DIR = process.env['APACHE_MODULES'] ?? '/usr/lib/apache2/modules';
/** The modules docs/hosting/apache*.conf name (as a2enmod would enable them), plus the process model. */
const MODULES = ['mpm_event', 'authz_core', 'mime', 'dir', 'alias', 'headers', 'filter', 'deflate'];

/**
 * Starts Apache serving distDir under base with the shipped configuration; resolves when it answers. distDir must
 * be readable by the workers (as root they run as nobody): see copySite().
 */
export async function startApache(distDir: string, base = '/'): Promise<RunningServer> {
  const apache = getApachePath();
  const prefixDir = mkdtempSync(path.join(tmpdir(), 'rk-apache-'));
  const emptyRoot = path.join(prefixDir, 'htdocs');
  mkdirSync(emptyRoot);
  const port = await getFreePort();
  const site = readHostingConfig(pickHostingConfig('apache', base), '<VirtualHost *:80>', `<VirtualHost *:${port}>`, distDir);
  const conf = path.join(prefixDir, 'apache2.conf');
  // The server context a system's /etc/apache2/apache2.conf would give, kept inside the temp folder.
  writeFileSync(
    conf,
    [
      `ServerRoot ${prefixDir}`,
      'ServerName 127.0.0.1',
      `Listen 127.0.0.1:${port}`,
      `PidFile ${prefixDir}/apache2.pid`,
      `DefaultRuntimeDir ${prefixDir}`,
      `Mutex file:${prefixDir} default`,
      `ErrorLog ${prefixDir}/error.log`,
      'LogLevel warn',
      ...MODULES.map((name) => `LoadModule ${name}_module ${MODULES_DIR}/mod_${name}.so`),
      'TypesConfig /etc/mime.types',
      // Apache never serves as root; as root it hands requests to workers running as nobody.
      ...(process.getuid?.() === 0 ? ['User #65534', 'Group #65534'] : []),
      // What the host serves outside the archive (the sub-path configuration leaves the rest of the host alone).
      `DocumentRoot ${emptyRoot}`,
      `<Directory ${emptyRoot}>`,
      '    Require all granted',
      '</Directory>',
      site,
      '',
    ].join('\n'),
  );
  const args = ['-f', conf];
  const test = spawnSync(apache, ['-t', ...args], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`Apache rejected its configuration:\n${test.stderr}`);
  const child = spawn(apache, [...args, '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}${normalizeBase(base)}`;
  const close = () => stopProcess(child, 'SIGTERM');
  const errorLog = path.join(prefixDir, 'error.log');
  await waitForServer(url, child, () => `${stderr}${existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''}`, close);
  return { url, close };
}

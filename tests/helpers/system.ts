// The system packages the tests need, read from the one list scripts/system-packages.txt (which .ci/run and the
// README's apt-get line use too), and a check that installs what is missing where it can (Debian or Ubuntu, as root,
// with apt-get, as .ci/run does) and otherwise says in one line which are missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The list's file. */
export const SYSTEM_PACKAGES_FILE = path.resolve(import.meta.dirname, '../../scripts/system-packages.txt');

/** A system package and how to tell it is installed: any of its files exists (an environment variable may point elsewhere). */
export interface SystemPackage {
  name: string;
  files: string[];
  env?: string;
  /** The Vitest projects whose tests use it. */
  projects: string[];
}

/** Reads the list: one package a line (name, files, override variable or -, projects), # starts a comment. */
export function parseSystemPackages(text: string, file = SYSTEM_PACKAGES_FILE): SystemPackage[] {
  return text.split('\n').flatMap((line, index) => {
    const fields = line.replace(/#.*/u, '').trim().split(/\s+/u).filter(Boolean);
    if (fields.length === 0) return [];
    const [name, files, env, projects] = fields;
    if (fields.length !== 4 || !name || !files || !env || !projects)
      throw new Error(`${file}:${index + 1}: expected "package files override projects", got "${line.trim()}"`);
    return [{ name, files: files.split(','), ...(env === '-' ? {} : { env }), projects: projects.split(',') }];
  });
}

/** Every system package the test suite uses. */
export const systemPackages: SystemPackage[] = parseSystemPackages(readFileSync(SYSTEM_PACKAGES_FILE, 'utf8'));

/** The packages a Vitest project needs. */
export function listProjectPackages(project: string, packages: readonly SystemPackage[] = systemPackages): SystemPackage[] {
  return packages.filter((entry) => entry.projects.includes(project));
}

/** The packages of `packages` that are not installed. */
export function listMissingPackages(packages: readonly SystemPackage[] = systemPackages): string[] {
  return packages
    .filter((entry) => {
      const override = entry.env ? process.env[entry.env] : undefined;
      const candidates = override ? [path.resolve(override)] : entry.files;
      return !candidates.some((file) => existsSync(file));
    })
    .map((entry) => entry.name);
}

/** The one-line message naming the missing packages. */
export function describeMissingPackages(missing: readonly string[]): string {
  return `Missing system packages for the tests: ${missing.join(' ')} — install them with: apt-get install -y --no-install-recommends ${missing.join(' ')}`;
}

/** Whether this machine can install packages itself: Debian or Ubuntu, running as root, with apt-get. */
export function canInstallWithApt(): boolean {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version') && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Installs `names` with apt-get, saying so first (as .ci/run does); throws when apt-get fails. */
function installWithApt(names: readonly string[]): void {
  console.log(`Installing with apt: ${names.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...names]]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) throw new Error(`apt-get ${args[0]} failed (exit code ${run.status}): ${describeMissingPackages(names)}`);
  }
}

/**
 * Makes sure `packages` are installed: installs the missing ones where canInstallWithApt(), else throws one line
 * naming every missing package, so the suite fails instead of skipping.
 */
export function ensureSystemPackages(packages: readonly SystemPackage[] = systemPackages, install = canInstallWithApt()): void {
  const missing = listMissingPackages(packages);
  if (missing.length === 0) return;
  if (install) installWithApt(missing);
  const still = listMissingPackages(packages);
  if (still.length > 0) throw new Error(describeMissingPackages(still));
}

/** Throws one line naming every missing package of `packages` (never installs). */
export function assertSystemPackages(packages: readonly SystemPackage[] = systemPackages): void {
  const missing = listMissingPackages(packages);
  if (missing.length > 0) throw new Error(describeMissingPackages(missing));
}

// The Debian packages the tests need (the README's quick start and .ci/run name the same list), and a check that
// says in one line which are missing.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** A system package and how to tell it is installed: any of its files exists (an environment variable may point elsewhere). */
export interface SystemPackage {
  name: string;
  files: string[];
  env?: string;
}

/** Every system package the test suite uses. */
export const systemPackages: SystemPackage[] = [
  { name: 'chromium', files: ['/usr/bin/chromium'], env: 'CHROMIUM_PATH' },
  { name: 'nginx-light', files: ['/usr/sbin/nginx'], env: 'NGINX_PATH' },
  { name: 'apache2', files: ['/usr/sbin/apache2'], env: 'APACHE_PATH' },
  { name: 'libreoffice-impress', files: ['/usr/lib/libreoffice/program/simpress'] },
  { name: 'libreoffice-writer', files: ['/usr/lib/libreoffice/program/swriter'] },
  { name: 'fonts-noto-cjk', files: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'] },
  { name: 'tesseract-ocr', files: ['/usr/bin/tesseract'], env: 'TESSERACT_PATH' },
  { name: 'tesseract-ocr-chi-sim', files: ['/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata'] },
  { name: 'poppler-utils', files: ['/usr/bin/pdftoppm'], env: 'PDFTOPPM_PATH' },
];

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

/** Throws one line naming every missing package, so the suite fails instead of skipping. */
export function assertSystemPackages(packages: readonly SystemPackage[] = systemPackages): void {
  const missing = listMissingPackages(packages);
  if (missing.length > 0)
    throw new Error(
      `Missing system packages for the tests: ${missing.join(' ')} — install them with: apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
}

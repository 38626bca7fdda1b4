import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // The PowerPoint export needs no site build: LibreOffice renders the files the CLI writes. The importer's
        // tests (tests/office/: .doc through LibreOffice, PDFs written by Chromium, scans read by Tesseract) need the same packages.
        test: {
          name: 'office',
          include: ['tests/e2e/pptx.test.ts', 'tests/office/**/*.test.ts'],
          globalSetup: ['tests/system-check.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          // No system package: `npm run test:unit` runs on any machine with Node.
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          exclude: ['tests/e2e/pptx.test.ts'],
          globalSetup: ['tests/system-check.ts', 'tests/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // Browser tests and fixture builds are heavy on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});

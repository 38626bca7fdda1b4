// Ships each report's published source document (content/reports/<id>/source.<ext>) with the built site, next to
// the report's page, so the page can offer it for download as 原文.
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getReportSourcePath } from '../lib/urls.ts';
import { listReportSources } from '../loaders/sources.ts';

export function reportSources(): AstroIntegration {
  return {
    name: 'report-sources',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        let copied = 0;
        for (const [reportId, source] of listReportSources()) {
          const target = path.join(outDir, getReportSourcePath(reportId, source.fileName));
          // Only reports that have a page get their source; the page folder exists once the pages are built.
          if (!existsSync(path.dirname(target))) throw new Error(`${source.file}: no built page for report ${reportId} to put its source beside`);
          copyFileSync(source.file, target);
          copied += 1;
        }
        logger.info(`copied ${copied} source document(s)`);
      },
    },
  };
}

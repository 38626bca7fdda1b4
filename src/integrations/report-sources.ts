// Ships each report's published source document (content/reports/<id>/source.<ext>) with the site, next to the
// report's page, so the page can offer it for download as 原文: copied into the build, served by the dev server.
import { copyFileSync, createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getMediaType, isTextType } from '../hosting/mime.ts';
import { getReportSourcePath } from '../lib/urls.ts';
import { listReportSources } from '../loaders/sources.ts';

export function reportSources(): AstroIntegration {
  let base = '/';
  return {
    name: 'report-sources',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const url = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
          for (const [reportId, source] of listReportSources()) {
            if (url !== `${base}${getReportSourcePath(reportId, source.fileName)}`) continue;
            const type = getMediaType(source.file);
            response.setHeader('Content-Type', isTextType(type) ? `${type}; charset=utf-8` : type);
            createReadStream(source.file).pipe(response);
            return;
          }
          next();
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        let copied = 0;
        for (const [reportId, source] of listReportSources()) {
          const target = path.join(outDir, getReportSourcePath(reportId, source.fileName));
          // Every report folder with a source has a page (a folder without report.yaml fails here, loudly).
          if (!existsSync(path.dirname(target))) throw new Error(`${source.file}: no built page for report ${reportId} to put its source beside`);
          copyFileSync(source.file, target);
          copied += 1;
        }
        logger.info(`copied ${copied} source document(s)`);
      },
    },
  };
}

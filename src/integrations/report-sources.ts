// Ships each report's published source document (content/reports/<id>/source.<ext>) with the site, next to the
// report's page, so the page can offer it for download as 原文: copied into the build, served by the dev server.
// A saved web page is published sanitised whatever its folder holds (one put there by hand, or by an older import),
// since the archive serves it from its own origin.
import { copyFileSync, createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import iconv from 'iconv-lite';
import { getMediaType, isTextType } from '#src/hosting/mime.ts';
import { detectHtmlCharset } from '#src/import/formats/html.ts';
import { sanitizeSourceHtml } from '#src/lib/source-html.ts';
import { getReportSourcePath, normalizeBase } from '#src/lib/urls.ts';
import { listReportSources, type ReportSource } from '#src/loaders/sources.ts';

/** Whether a source is a web page, published sanitised. */
const isPage = (source: ReportSource) => source.format === 'HTML';

/** A saved page's published form: sanitised, in UTF-8 (read in the charset it declares, as the importer reads it). */
function readPublishedPage(source: ReportSource): string {
  const bytes = readFileSync(source.file);
  return sanitizeSourceHtml(iconv.decode(bytes, detectHtmlCharset(bytes)));
}

export function reportSources(): AstroIntegration {
  let base = '/';
  return {
    name: 'report-sources',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const url = decodeURIComponent((request.url ?? '').split('?')[0] ?? '');
          for (const [reportId, source] of listReportSources()) {
            if (url !== `${base}${getReportSourcePath(reportId, source.fileName)}`) continue;
            const type = getMediaType(source.file);
            response.setHeader('Content-Type', isTextType(type) ? `${type}; charset=utf-8` : type);
            if (isPage(source)) response.end(readPublishedPage(source));
            else createReadStream(source.file).pipe(response);
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
          if (isPage(source)) writeFileSync(target, readPublishedPage(source), 'utf8');
          else copyFileSync(source.file, target);
          copied += 1;
        }
        logger.info(`copied ${copied} source document(s)`);
      },
    },
  };
}

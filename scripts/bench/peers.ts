// The benchmark's peers, as defined in docs/benchmark.md: the plain-Astro floor, Starlight over the seed, and
// Pagefind's default UI over the project's own built pages. The peer projects are generated inside this project
// (under .bench/), so they resolve its node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { splitFrontmatter } from '../../src/loaders/disk.ts';

/** Writes a bare Astro project (package.json) and the given files. */
function writeProject(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: path.basename(dir), private: true, type: 'module' })}\n`);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
}

const PAGE = (title: string, body: string) => `<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{${title}}</title></head>
  <body><main data-pagefind-body><h1>{${title}}</h1>${body}</main></body>
</html>`;

/**
 * The plain-Astro floor: the reports folder through Astro's own glob() loader (no validation), one bare page per
 * report and per problem, no layout, CSS, decks or fonts. Built with `astro build`, then the Pagefind CLI.
 */
export function writeFloorProject(dir: string, reportsDir: string): void {
  writeProject(dir, {
    'astro.config.mjs': `import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
export default defineConfig({ integrations: [mdx()], outDir: process.env.OUT_DIR, cacheDir: process.env.ASTRO_CACHE_DIR });
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
const base = ${JSON.stringify(reportsDir)};
export const collections = {
  reports: defineCollection({ loader: glob({ base, pattern: '*/report.yaml', generateId: ({ entry }) => entry.split('/')[0] }) }),
  issues: defineCollection({ loader: glob({ base, pattern: '*/issues/*.mdx' }) }),
};
`,
    'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
const reports = await getCollection('reports');
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>档案</title></head>
<body><ul>{reports.map((report) => <li><a href={\`/reports/\${report.id}/\`}>{report.data.title}</a></li>)}</ul></body></html>
`,
    'src/pages/reports/[report]/index.astro': `---
import { getCollection } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('reports')).map((report) => ({ params: { report: report.id }, props: { report } }));
}
const { report } = Astro.props;
---
${PAGE('report.data.title', '<p>{report.data.preface?.join(" ")}</p>')}
`,
    'src/pages/reports/[report]/issues/[slug].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('issues')).map((issue) => {
    const [report, , slug] = issue.id.split('/');
    return { params: { report, slug }, props: { issue } };
  });
}
const { issue } = Astro.props;
const { Content } = await render(issue);
---
${PAGE('issue.data.title', '<Content />')}
`,
  });
}

/** The floor's build: `astro build`, then `pagefind --site`, as two processes one after the other. */
export function floorCommands(dir: string, root: string, outDir: string): { command: string; args: string[] }[] {
  return [
    { command: process.execPath, args: [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', dir] },
    { command: path.join(root, 'node_modules/.bin/pagefind'), args: ['--site', outDir] },
  ];
}

/** Starlight 0.42 over the seed: one docs page per problem, its title and body, Simplified Chinese as root locale. */
export function writeStarlightProject(dir: string, reportsDir: string): void {
  const files: Record<string, string> = {
    'astro.config.mjs': `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
export default defineConfig({
  outDir: process.env.OUT_DIR,
  cacheDir: process.env.ASTRO_CACHE_DIR,
  // Starlight's middleware (@astrojs/starlight/locals) imports astro: modules; left external, Node cannot load it
  // when prerendering under Astro 7, so it is bundled like the rest of Starlight.
  vite: { environments: { prerender: { resolve: { noExternal: ['@astrojs/starlight'] } } } },
  integrations: [starlight({ title: '整改档案', defaultLocale: 'root', locales: { root: { label: '简体中文', lang: 'zh-CN' } } })],
});
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
    'src/content/docs/index.mdx': '---\ntitle: 整改档案\n---\n\n巡察整改情况通报。\n',
  };
  for (const report of readdirSync(reportsDir)) {
    const yamlFile = path.join(reportsDir, report, 'report.yaml');
    if (!existsSync(yamlFile)) continue;
    const data = parse(readFileSync(yamlFile, 'utf8')) as { title?: string };
    files[`src/content/docs/${report}/index.mdx`] = `---\n${stringify({ title: data.title ?? report })}---\n`;
    const issues = path.join(reportsDir, report, 'issues');
    for (const name of existsSync(issues) ? readdirSync(issues) : []) {
      const parts = splitFrontmatter(readFileSync(path.join(issues, name), 'utf8'));
      if (!parts) continue;
      const { title } = parse(parts.frontmatter) as { title: string };
      files[`src/content/docs/${report}/${name}`] = `---\n${stringify({ title })}---\n\n${parts.body}`;
    }
  }
  writeProject(dir, files);
}

/** Where the Pagefind-UI peer lives inside the project's dist. */
export const PEER_BUNDLE = 'peer-pagefind';
export const PEER_PAGE = 'peer-search/';

/**
 * Pagefind's default UI over the project's built pages: the Pagefind CLI (default settings) indexes dist into
 * dist/peer-pagefind/, and dist/peer-search/ is a page with only pagefind-ui.css, pagefind-ui.js and the call that
 * runs the query from ?q=.
 */
export function writePagefindUiPeer(root: string, distDir: string, base = '/'): void {
  const bundle = path.join(distDir, PEER_BUNDLE);
  const run = spawnSync(path.join(root, 'node_modules/.bin/pagefind'), ['--site', distDir, '--output-path', bundle], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pagefind CLI failed: ${run.stderr || run.stdout}`);
  mkdirSync(path.join(distDir, PEER_PAGE), { recursive: true });
  const script = `const ui = new PagefindUI({ element: '#search', bundlePath: '${base}${PEER_BUNDLE}/', showImages: false });
const q = new URLSearchParams(location.search).get('q'); if (q) ui.triggerSearch(q);`;
  writeFileSync(path.join(distDir, PEER_PAGE, 'peer.js'), script);
  writeFileSync(
    path.join(distDir, PEER_PAGE, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind UI</title>
<link href="${base}${PEER_BUNDLE}/pagefind-ui.css" rel="stylesheet"><script src="${base}${PEER_BUNDLE}/pagefind-ui.js"></script></head>
<body><div id="search"></div><script src="${base}${PEER_PAGE}peer.js"></script></body></html>\n`,
  );
}

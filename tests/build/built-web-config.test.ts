// The web.config the build wrote for IIS, read as IIS reads it, against the files actually built (at the root and
// under the sub-path): every extension served is either an IIS default or mapped after its <remove>, the 404 page
// is the built one under the base path, and the header carries every directive of the pages' own policy.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';
import { IIS_DEFAULT_TYPES } from '#src/hosting/web-config.ts';
import { parsePolicy } from '#src/lib/csp.ts';

type Attributes = Record<string, string>;
type Ordered = Record<string, unknown> & { ':@'?: Attributes };
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true });

/** The children of the first element called `name` among `nodes`. */
function childrenOf(nodes: Ordered[], name: string): Ordered[] {
  const node = nodes.find((entry) => name in entry);
  if (!node) throw new Error(`web.config: no <${name}>`);
  return node[name] as Ordered[];
}
const nameOf = (node: Ordered) => Object.keys(node).find((key) => key !== ':@') ?? '';

for (const site of [
  { name: 'the root', dist: inject('distRoot'), base: '/' },
  { name: 'the sub-path', dist: inject('distSub'), base: inject('subPath') },
]) {
  describe(`web.config of ${site.name} (${site.base})`, () => {
    const file = path.join(site.dist, 'web.config');
    const web = childrenOf(childrenOf(parser.parse(readFileSync(file, 'utf8')) as Ordered[], 'configuration'), 'system.webServer');
    const files = readdirSync(site.dist, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== 'web.config')
      .map((entry) => path.relative(site.dist, path.join(entry.parentPath, entry.name)));

    it('maps every extension in the build that IIS lacks, each right after its <remove>', () => {
      const entries = childrenOf(web, 'staticContent');
      const mapped = new Map<string, string>();
      entries.forEach((entry, at) => {
        if (nameOf(entry) !== 'mimeMap') return;
        const extension = entry[':@']!['fileExtension']!;
        const previous = entries[at - 1];
        expect(previous && nameOf(previous), extension).toBe('remove');
        expect(previous?.[':@']?.['fileExtension'], extension).toBe(extension);
        mapped.set(extension, entry[':@']!['mimeType']!);
      });
      const extensions = new Set(files.map((name) => path.extname(name).toLowerCase()));
      expect(extensions.has(''), 'a built file without an extension, which IIS will not serve').toBe(false);
      for (const extension of extensions) {
        const known = extension in IIS_DEFAULT_TYPES;
        expect(known || mapped.has(extension), `${extension} (e.g. ${files.find((name) => name.toLowerCase().endsWith(extension))})`).toBe(true);
        if (known) expect(mapped.has(extension), `${extension} is an IIS default and is left alone`).toBe(false);
      }
      // Nothing mapped that the build did not emit: the map is derived from dist/, not from a list.
      expect([...mapped.keys()].filter((extension) => !extensions.has(extension))).toEqual([]);
      // Pagefind's index is the case that breaks search on IIS; the deck font the one that breaks the deck.
      for (const extension of ['.pagefind', '.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter', '.woff2']) {
        expect(mapped.get(extension), extension).toMatch(/^(application\/octet-stream|font\/woff2)$/u);
      }
      if (extensions.has('.wasm')) expect(mapped.get('.wasm')).toBe('application/wasm');
    });

    it('serves index.html for folders and the built 404 page with status 404', () => {
      const documents = childrenOf(childrenOf(web, 'defaultDocument'), 'files');
      expect(documents.map((entry) => [nameOf(entry), entry[':@']?.['value']])).toEqual([
        ['clear', undefined],
        ['add', 'index.html'],
      ]);
      const errors = web.find((entry) => 'httpErrors' in entry)!;
      expect(errors[':@']?.['existingResponse']).toBe('Replace');
      const mapping = childrenOf(web, 'httpErrors').find((entry) => nameOf(entry) === 'error');
      expect(mapping?.[':@']).toEqual({ statusCode: '404', path: `${site.base}404.html`, responseMode: 'ExecuteURL' });
      // The URL is the built page as a server sees it under the base path.
      expect(existsSync(path.join(site.dist, '404.html'))).toBe(true);
    });

    it('sends every directive of the pages’ policy, plus frame-ancestors, and compresses static files only', () => {
      const headers = childrenOf(childrenOf(web, 'httpProtocol'), 'customHeaders');
      const added = headers.filter((entry) => nameOf(entry) === 'add');
      expect(added.map((entry) => entry[':@']?.['name'])).toEqual(['Content-Security-Policy']);
      const header = parsePolicy(added[0]![':@']!['value']!);
      const home = readFileSync(path.join(site.dist, 'index.html'), 'utf8');
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/u.exec(home)?.[1];
      expect(meta).toBeDefined();
      const pagePolicy = parsePolicy(meta!.replaceAll('&#39;', "'"));
      expect(Object.keys(pagePolicy).length).toBeGreaterThan(5);
      expect(header).toEqual({ ...pagePolicy, 'frame-ancestors': ["'self'"] });
      expect(web.find((entry) => 'urlCompression' in entry)?.[':@']).toEqual({ doStaticCompression: 'true', doDynamicCompression: 'false' });
    });
  });
}

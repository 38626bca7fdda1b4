// The IIS web.config generator on its own: which extensions it maps and how, the 404 page under a base path, and
// the policy header, read back through an XML parser as IIS would read them.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { getMediaType } from '#src/hosting/mime.ts';
import { IIS_DEFAULT_TYPES, listMimeMappings, renderWebConfig } from '#src/hosting/web-config.ts';
import { renderCspHeader } from '#src/lib/csp.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['remove', 'mimeMap', 'error', 'add'].includes(name) });
type Attributes = Record<string, string>;
function readConfig(xml: string) {
  const web = parser.parse(xml).configuration['system.webServer'];
  return {
    removed: (web.staticContent.remove as Attributes[]).map((entry) => entry['fileExtension']),
    mapped: Object.fromEntries((web.staticContent.mimeMap as Attributes[]).map((entry) => [entry['fileExtension'], entry['mimeType']])),
    errors: web.httpErrors as Attributes & { error: Attributes[] },
    headers: web.httpProtocol.customHeaders.add as Attributes[],
    index: (web.defaultDocument.files.add as Attributes[]).map((entry) => entry['value']),
    compression: web.urlCompression as Attributes,
  };
}

describe('web.config', () => {
  const extensions = ['.html', '.JS', '.css', '.wasm', '.pagefind', '.pf_meta', '.pf_fragment', '.woff2', '.svg', '.json', '.wasm', '.unknownext'];
  const csp = renderCspHeader();

  it('maps each extension IIS lacks by default once, lower case, with a <remove> right before it', () => {
    const xml = renderWebConfig({ base: '/', extensions, csp });
    const { removed, mapped } = readConfig(xml);
    const expected = [...new Set(extensions.map((extension) => extension.toLowerCase()))].filter((extension) => !(extension in IIS_DEFAULT_TYPES));
    expect(Object.keys(mapped).sort()).toEqual(expected.sort());
    expect(removed.sort()).toEqual(expected.sort());
    for (const extension of expected) {
      expect(mapped[extension], extension).toBe(getMediaType(extension));
      // Order matters to IIS: the <remove> must come before the <mimeMap> it clears the way for.
      expect(xml.indexOf(`<remove fileExtension="${extension}"/>`), extension).toBeLessThan(xml.indexOf(`<mimeMap fileExtension="${extension}"`));
    }
    expect(mapped['.wasm']).toBe('application/wasm');
    expect(mapped['.woff2']).toBe('font/woff2');
    expect(mapped['.unknownext']).toBe('application/octet-stream');
    expect(mapped['.js']).toBeUndefined();
  });

  it('rejects what is not an extension', () => {
    expect(() => listMimeMappings(['wasm'])).toThrow(/"wasm" is not a file extension/u);
    expect(() => listMimeMappings(['.a/b'])).toThrow(/not a file extension/u);
  });

  it.each([
    ['/', '/404.html'],
    ['/kit/archive/', '/kit/archive/404.html'],
    ['/kit/archive', '/kit/archive/404.html'],
  ])('answers a missing path under base %s with %s and status 404', (base, page) => {
    const { errors, index } = readConfig(renderWebConfig({ base, extensions, csp }));
    expect(errors['existingResponse']).toBe('Replace');
    expect(errors.error).toEqual([{ statusCode: '404', path: page, responseMode: 'ExecuteURL' }]);
    expect(index).toEqual(['index.html']);
  });

  it('sends the policy header exactly, and compresses static files only', () => {
    const { headers, compression } = readConfig(renderWebConfig({ base: '/', extensions, csp }));
    expect(headers).toEqual([{ name: 'Content-Security-Policy', value: csp }]);
    expect(compression).toEqual({ doStaticCompression: 'true', doDynamicCompression: 'false' });
    const tricky = readConfig(renderWebConfig({ base: '/', extensions, csp: `a 'b' "c" <d> & e` }));
    expect(tricky.headers[0]?.['value']).toBe(`a 'b' "c" <d> & e`);
  });
});

// The project's own static server (npm run preview, the PDF export, the browser tests): dist/ under its base path
// as production serves it, with folders' index.html, the built 404 page with status 404, the CSP header of
// src/lib/csp.ts on every response, the media types of src/hosting/mime.ts and gzip for text.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { getMediaType, isTextType } from '#src/hosting/mime.ts';
import { readServedSpeakerViewHashes, renderCspHeader } from '#src/lib/csp.ts';
import { normalizeBase } from '#src/lib/urls.ts';

// Compressed like nginx `gzip on` with the docs' gzip_types: text, scripts and WebAssembly. Pagefind's files are
// gzip already and stay as they are.
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json|xml|wasm)$|image\/svg\+xml$)/u;

/** A running server. */
export interface StaticServer {
  /** The site's address, ending in its base path (http://127.0.0.1:port/base/). */
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** How to serve. */
export interface StaticServerOptions {
  /** The built site (dist/). */
  root: string;
  /** The base path it was built for (BASE_PATH); default /. */
  base?: string;
  /** Port; 0 (the default) picks a free one. */
  port?: number;
  host?: string;
  /** Sees every request path, so tests can assert what a page asked for. */
  onRequest?: (pathname: string) => void;
  /** false: send no Content-Security-Policy header, as a plain static host or object storage serves (tests). Default true. */
  csp?: boolean;
}

/** The Content-Type header of a file: its media type, with UTF-8 declared for text. */
function getContentType(file: string): string {
  const type = getMediaType(file);
  return isTextType(type) ? `${type}; charset=utf-8` : type;
}

/** Starts serving `root` under `base` on 127.0.0.1. */
export function startStaticServer({
  root,
  base = '/',
  port = 0,
  host = '127.0.0.1',
  onRequest,
  csp: sendCsp = true,
}: StaticServerOptions): Promise<StaticServer> {
  const prefix = normalizeBase(base);
  const rootDir = path.resolve(root);
  const csp = renderCspHeader(readServedSpeakerViewHashes(rootDir));
  const gzipCache = new Map<string, Buffer>();
  const send = (req: IncomingMessage, res: ServerResponse, status: number, file: string) => {
    const type = getContentType(file);
    const { size, mtimeMs } = statSync(file);
    // The media type without its parameters (`application/json; charset=utf-8` is JSON).
    const compressible = COMPRESSIBLE.test(type.split(';')[0]!.trim());
    const acceptsGzip = /\bgzip\b/u.test(req.headers['accept-encoding'] ?? '');
    if (acceptsGzip && compressible && size > 512) {
      const key = `${file}:${mtimeMs}`;
      let body = gzipCache.get(key);
      if (!body) {
        body = gzipSync(readFileSync(file));
        gzipCache.set(key, body);
      }
      res.writeHead(status, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': size, ...(compressible ? { Vary: 'Accept-Encoding' } : {}) });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
  const server = createServer((req, res) => {
    // Every answer carries the policy, errors and redirects included (nginx `add_header … always`).
    if (sendCsp) res.setHeader('Content-Security-Policy', csp);
    const url = new URL(req.url ?? '/', 'http://localhost');
    onRequest?.(url.pathname);
    const notFound = () => {
      const page = path.join(rootDir, '404.html');
      if (existsSync(page)) send(req, res, 404, page);
      else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    if (`${url.pathname}/` === prefix) return void res.writeHead(301, { Location: prefix }).end();
    if (!url.pathname.startsWith(prefix)) return notFound();
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      return notFound();
    }
    let file = path.join(rootDir, relative);
    if (file !== rootDir && !file.startsWith(`${rootDir}${path.sep}`)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) return void res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      file = path.join(file, 'index.html');
    }
    if (!existsSync(file) || !statSync(file).isFile()) return notFound();
    return send(req, res, 200, file);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host}:${actual}${prefix}`,
        port: actual,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

// A small static file server for dist/: serves it under a base path, answers 404 with the site's 404 page.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

// Compressed like any production server would (nginx `gzip on`): text, scripts and WebAssembly. Pagefind's
// .pf_* files are gzip already and stay as they are.
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|wasm)|image\/svg)/;

/** Normalises a base path to the form /x/y/ (or /). */
export function normalizeBase(base = '/') {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * Starts serving `root` under `base` on 127.0.0.1. Resolves to { url, port, close }.
 * `onRequest` sees every request path, so tests can assert what a page asked for.
 * @param {{ root: string, base?: string, port?: number, host?: string, onRequest?: (pathname: string) => void }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<unknown> }>}
 */
export function startStaticServer({ root, base = '/', port = 0, host = '127.0.0.1', onRequest }) {
  const prefix = normalizeBase(base);
  const rootDir = path.resolve(root);
  const gzipCache = new Map();
  const send = (req, res, status, file) => {
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const { size, mtimeMs } = statSync(file);
    const acceptsGzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    if (acceptsGzip && COMPRESSIBLE.test(type) && size > 512) {
      const key = `${file}:${mtimeMs}`;
      let body = gzipCache.get(key);
      if (!body) {
        body = gzipSync(readFileSync(file));
        gzipCache.set(key, body);
      }
      res.writeHead(status, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Content-Length': body.length });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': size, ...(COMPRESSIBLE.test(type) ? { Vary: 'Accept-Encoding' } : {}) });
    if (req.method === 'HEAD') return res.end();
    return createReadStream(file).pipe(res);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    onRequest?.(url.pathname);
    const notFound = () => {
      const page = path.join(rootDir, '404.html');
      if (existsSync(page)) send(req, res, 404, page);
      else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found');
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return res.writeHead(405).end();
    if (`${url.pathname}/` === prefix) return res.writeHead(301, { Location: prefix }).end();
    if (!url.pathname.startsWith(prefix)) return notFound();
    let relative;
    try {
      relative = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      return notFound();
    }
    let file = path.join(rootDir, relative);
    if (!file.startsWith(rootDir)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) return res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
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
        close: () => new Promise((done) => server.close(() => done(undefined))),
      });
    });
  });
}

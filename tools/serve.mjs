#!/usr/bin/env node
// Dependency-free static server for www/ (used by `./dev serve`, the page tests and the bench).
//
// * serves the same tree at `/` and under SUBPATH (proves the page works on a subpath),
// * sends a strict Content-Security-Policy on every response (proves the page works under it),
// * answers only requests addressed to this machine by name (Host: localhost, 127.0.0.1, [::1],
//   the --host address, each --allow-host name; others get 421), so a web page the editor
//   visits cannot reach it through a DNS name of its own,
// * `Access-Control-Allow-Origin: *` only with --cors (a frame sandboxed without
//   allow-same-origin needs it; the embed tests turn it on): otherwise another site's page
//   cannot read the files, the working data file included,
// * correct MIME types, gzip when the client accepts it, `Cache-Control: no-cache` — except
//   for the baked site's content-hashed files (`main.1a2b3c4d5e.js`), cached for a year as
//   any host should,
// * rejects `..` and other traversal tricks, never serves dotfiles (.git, .env…), 404 for
//   missing files, GET/HEAD only,
// * listens on 127.0.0.1 only, unless `--host` says otherwise (a generic HOST variable, which
//   some shells set, is ignored) — then it says that other machines can reach it.
//
// CLI:  node tools/serve.mjs [--port N | N] [--root DIR] [--host H] [--allow-host NAME]… [--cors]
//       (env PORT, VERBOSE=1)
// API:  const { url, subpathUrl, port, close } = await startServer({ port: 0, root: 'www', cors, allowHosts });

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SUBPATH = '/news/graphics/ai-capex/';
/**
 * The policy of the baked chart images (tools/chart-image.mjs): their colours are a style
 * sheet inside them, which Firefox would refuse under the page's style-src 'self'; an image
 * runs no script and loads nothing.
 */
export const SVG_IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";
/** A file name with a content hash in it, as tools/bake.mjs writes them. */
const HASHED_NAME = /\.[0-9a-f]{10}\.[a-z]+$/;

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

// Already-compressed formats are sent as they are.
const NO_GZIP = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.woff2', '.woff', '.ico']);

const DEFAULT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'www');

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

function acceptsGzip(header) {
  if (!header) return false;
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (name.trim().toLowerCase() !== 'gzip' && name.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}

function baseHeaders(cors, extra = {}) {
  return {
    'Content-Security-Policy': CSP,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    // A frame sandboxed without allow-same-origin (an opaque origin, "null") loads its modules,
    // data and wasm as cross-origin requests (README, "Embedding"); any site could then read them.
    ...(cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
    ...extra,
  };
}

/** The name in a Host header, lower case, without its port ("[::1]" keeps its brackets). */
function hostName(header) {
  const match = /^(\[[^\]]*\]|[^:]*)(:\d*)?$/.exec(String(header || '').trim().toLowerCase());
  return match ? match[1] : '';
}

/**
 * Map a request pathname to a path relative to the root, or a redirect / error.
 * Returns { rel } | { redirect } | { status }.
 */
export function resolveRequestPath(rawPathname) {
  let pathname;
  try {
    pathname = decodeURIComponent(rawPathname);
  } catch {
    return { status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\') || !pathname.startsWith('/')) {
    return { status: 400 };
  }
  const segments = pathname.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { status: 400 };
  // Hidden files and folders (.git, .env, .DS_Store) are never part of the site.
  if (segments.some((s) => s.startsWith('.'))) return { status: 404 };

  if (pathname === SUBPATH.slice(0, -1)) return { redirect: SUBPATH };
  if (pathname.startsWith(SUBPATH)) pathname = '/' + pathname.slice(SUBPATH.length);
  return { rel: pathname.slice(1) };
}

/**
 * Start the server. Resolves to { url, subpathUrl, port, server, close() }.
 * port 0 picks a free port; host defaults to 127.0.0.1. `allowHosts`: names besides this
 * machine's own that requests may be addressed to; `cors`: send Access-Control-Allow-Origin: *.
 */
export function startServer({ port = 0, root = DEFAULT_ROOT, host = '127.0.0.1', allowHosts = [], cors = false, verbose } = {}) {
  const rootDir = path.resolve(root);
  const bracketed = (name) => (name.includes(':') && !name.startsWith('[') ? `[${name}]` : name);
  const wildcard = host === '0.0.0.0' || host === '::';
  const knownHosts = new Set(['localhost', '127.0.0.1', '[::1]', ...(wildcard ? [] : [host]), ...allowHosts].map((name) => bracketed(name.toLowerCase())));
  const log = verbose ?? process.env.VERBOSE === '1';
  const gzipCache = new Map(); // abs path -> { key, body }

  async function handle(req, res) {
    const started = process.hrtime.bigint();
    let status = 500;
    const send = (code, headers, body) => {
      status = code;
      res.writeHead(code, baseHeaders(cors, headers));
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const sendText = (code, text, extra = {}) =>
      send(code, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...extra }, text);

    try {
      if (!knownHosts.has(hostName(req.headers.host))) {
        return sendText(421, `Misdirected Request: this server answers for ${[...knownHosts].join(', ')} (add a name with --allow-host)\n`);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendText(405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
      }
      let url;
      try {
        url = new URL(req.url, 'http://localhost');
      } catch {
        return sendText(400, 'Bad Request\n');
      }
      // Reject traversal in the raw request line too (URL() would normalise it away).
      const rawPath = String(req.url).split(/[?#]/)[0];
      if (/(^|\/|%2f|\\|%5c)(\.|%2e){2}(\/|%2f|\\|%5c|$)/i.test(rawPath)) {
        return sendText(400, 'Bad Request\n');
      }
      const r = resolveRequestPath(url.pathname);
      if (r.status) return sendText(r.status, { 400: 'Bad Request\n', 404: 'Not Found\n' }[r.status] || 'Error\n');
      if (r.redirect) return sendText(301, 'Moved\n', { Location: r.redirect + url.search });

      let abs = path.resolve(rootDir, r.rel);
      if (abs !== rootDir && !abs.startsWith(rootDir + path.sep)) return sendText(400, 'Bad Request\n');

      let st;
      try {
        st = await fsp.stat(abs);
      } catch {
        return sendText(404, 'Not Found\n');
      }
      if (st.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          return sendText(301, 'Moved\n', { Location: url.pathname + '/' + url.search });
        }
        abs = path.join(abs, 'index.html');
        try {
          st = await fsp.stat(abs);
        } catch {
          return sendText(404, 'Not Found\n');
        }
      }
      if (!st.isFile()) return sendText(404, 'Not Found\n');
      // Do not follow symlinks out of the root.
      const real = await fsp.realpath(abs);
      const realRoot = await fsp.realpath(rootDir);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return sendText(404, 'Not Found\n');

      const ext = path.extname(abs).toLowerCase();
      const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
      const headers = { 'Content-Type': mimeType(abs), ETag: etag, Vary: 'Accept-Encoding' };
      if (abs.endsWith('.svg')) headers['Content-Security-Policy'] = SVG_IMAGE_CSP;
      // A name that carries its content's hash never changes its content (tools/bake.mjs).
      if (HASHED_NAME.test(path.basename(abs))) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
      if (req.headers['if-none-match'] === etag) return send(304, { ETag: etag, Vary: 'Accept-Encoding' });

      const raw = await fsp.readFile(abs);
      if (!NO_GZIP.has(ext) && acceptsGzip(req.headers['accept-encoding'])) {
        const key = etag;
        let cached = gzipCache.get(abs);
        if (!cached || cached.key !== key) {
          cached = { key, body: zlib.gzipSync(raw, { level: 6 }) };
          gzipCache.set(abs, cached);
        }
        return send(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': cached.body.length }, cached.body);
      }
      return send(200, { ...headers, 'Content-Length': raw.length }, raw);
    } catch (err) {
      if (!res.headersSent) sendText(500, 'Internal Server Error\n');
      else res.destroy();
      if (log) console.error(err);
    } finally {
      if (log) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        console.log(`${status} ${req.method} ${req.url} ${ms.toFixed(1)}ms`);
      }
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res);
  });
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const actual = server.address().port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      const url = `http://${shownHost}:${actual}/`;
      resolve({
        url,
        subpathUrl: url + SUBPATH.slice(1),
        port: actual,
        server,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            for (const s of sockets) s.destroy();
          }),
      });
    });
  });
}

/** Whether `host` is reachable from this machine only. */
export function isLoopback(host) {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function parseArgs(argv) {
  const out = { port: process.env.PORT ? Number(process.env.PORT) : 8080, root: DEFAULT_ROOT, host: '127.0.0.1', allowHosts: [], cors: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`missing value for ${a}`);
      return argv[++i];
    };
    if (a === '--port' || a === '-p') out.port = Number(val());
    else if (a.startsWith('--port=')) out.port = Number(a.slice(7));
    else if (a === '--root') out.root = path.resolve(val());
    else if (a.startsWith('--root=')) out.root = path.resolve(a.slice(7));
    else if (a === '--host') out.host = val();
    else if (a.startsWith('--host=')) out.host = a.slice(7);
    else if (a === '--allow-host') out.allowHosts.push(val());
    else if (a.startsWith('--allow-host=')) out.allowHosts.push(a.slice(13));
    else if (a === '--cors') out.cors = true;
    else if (/^\d+$/.test(a)) out.port = Number(a);
    else if (a === '-h' || a === '--help') {
      console.log('usage: node tools/serve.mjs [--port N | N] [--root DIR] [--host H] [--allow-host NAME]... [--cors]   (env: PORT, VERBOSE=1)');
      process.exit(0);
    } else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) throw new Error(`bad port: ${out.port}`);
  return out;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`serve: ${e.message}`);
    process.exit(2);
  }
  if (!fs.existsSync(opts.root)) {
    console.error(`serve: root directory not found: ${opts.root}`);
    process.exit(2);
  }
  startServer(opts).then(
    (s) => {
      console.log(`Serving ${path.relative(process.cwd(), opts.root) || '.'} at ${s.url}`);
      console.log(`  also at ${s.subpathUrl}   (subpath hosting check)`);
      console.log('  strict CSP on every response; Ctrl-C to stop.');
      if (!isLoopback(opts.host)) console.log(`  note: listening on ${opts.host}: other machines on the network can reach this server (by the names --allow-host gives).`);
      if (opts.cors) console.log('  --cors: any site can read these files (a sandboxed frame of the explainer needs that).');
      const stop = () => s.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e) => {
      if (e.code === 'EADDRINUSE') console.error(`serve: port ${opts.port} is already in use; try PORT=8081 ./dev serve`);
      else console.error(`serve: ${e.message}`);
      process.exit(1);
    },
  );
}

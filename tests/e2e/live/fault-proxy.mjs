// A small HTTP proxy in front of the OGC server that a test tells to misbehave a set number of
// times: answer 500 or 503, an HTML error page, truncated JSON, or delay. MapServer itself cannot
// be made to do any of that on demand (LIVE-SOURCES.md, "Faults"). Fault answers carry CORS
// headers like the real server's, so the browser sees the status, not a CORS failure.
import { createServer, request } from 'node:http';

const CORS = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };

export async function startFaultProxy({ port, target }) {
  const targetUrl = new URL(target);
  /** Queue of faults, one consumed per proxied request: {type: '500'|'503'|'html'|'truncated'|'delay', ms?} */
  const faults = [];
  const log = [];
  const server = createServer((req, res) => {
    const fault = faults.shift() ?? null;
    log.push({ url: req.url, fault: fault?.type ?? null, at: Date.now() });
    if (fault?.type === '500' || fault?.type === '503')
      return void res.writeHead(Number(fault.type), { ...CORS, 'content-type': 'text/plain' }).end(fault.type === '500' ? 'Internal Server Error' : 'Service Unavailable');
    if (fault?.type === 'html')
      return void res.writeHead(200, { ...CORS, 'content-type': 'text/html' }).end('<html><head><title>MapServer Message</title></head><body>msDrawMap(): Image handling error.</body></html>');
    const forward = () => {
      const upstream = request(
        { host: targetUrl.hostname, port: targetUrl.port, path: req.url, method: req.method, headers: { ...req.headers, host: targetUrl.host } },
        (up) => {
          if (fault?.type === 'truncated') {
            const chunks = [];
            up.on('data', (c) => chunks.push(c));
            up.on('end', () => {
              const body = Buffer.concat(chunks);
              const headers = { ...up.headers };
              delete headers['content-length'];
              res.writeHead(up.statusCode ?? 200, headers);
              res.end(body.subarray(0, Math.floor(body.length / 2)));
            });
            return;
          }
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', (err) => {
        if (!res.headersSent) res.writeHead(502, { ...CORS, 'content-type': 'text/plain' });
        res.end(`proxy: upstream unreachable (${err.code ?? err.message})`);
      });
      req.pipe(upstream);
    };
    if (fault?.type === 'delay') setTimeout(forward, fault.ms ?? 5000);
    else forward();
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    /** Answer the next `times` requests with this fault. */
    inject(type, times = 1, ms) {
      for (let i = 0; i < times; i++) faults.push({ type, ms });
    },
    pendingFaults: () => faults.length,
    clearFaults: () => void (faults.length = 0),
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

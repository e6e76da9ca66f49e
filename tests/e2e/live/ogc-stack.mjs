// A real OGC API – Features server on loopback for the live-source browser tests:
// a throwaway PostgreSQL 15 + PostGIS 3 cluster, MapServer 8 (Debian's cgi-mapserver) as FastCGI
// under lighttpd, reading a shelters view through GDAL's PostgreSQL driver. Recipe and quirks:
// ../shared/design/LIVE-SOURCES.md. Everything started here is stopped by PID in stop().
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const MAPSERV = '/usr/lib/cgi-bin/mapserv';
const LIGHTTPD = '/usr/sbin/lighttpd';

/** What is missing on this machine for the real server (empty when all is there). */
export function missingPackages() {
  const need = [];
  if (!existsSync(join(PG_BIN, 'postgres'))) need.push('postgresql-15');
  if (!existsSync('/usr/share/postgresql/15/extension/postgis.control')) need.push('postgresql-15-postgis-3');
  if (!existsSync(MAPSERV)) need.push('cgi-mapserver');
  if (!existsSync(LIGHTTPD)) need.push('lighttpd');
  return need;
}

const isRoot = process.getuid?.() === 0;
/** As root, PostgreSQL must run as another user: run its programs as "postgres". */
function asPgUser(cmd, args) {
  return isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function killAndWait(pid, signal = 'SIGTERM', ms = 5000) {
  if (!pid || !alive(pid)) return;
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && alive(pid)) await sleep(50);
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
}

function childrenOf(pid) {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const sqlText = (v) => (v === undefined || v === null ? 'NULL' : `'${String(v).replaceAll("'", "''")}'`);

/** INSERTs for the demo shelters (snake_case columns, as a bureau's table would have them). */
export function shelterSeedSql(features) {
  const rows = features.map((f) => {
    const p = f.properties;
    const [x, y] = f.geometry.coordinates;
    return `(${[sqlText(p.id), sqlText(p.name), sqlText(p.nameEn), sqlText(p.township), sqlText(p.status), sqlText(p.updatedAt), p.capacity, p.occupancy, p.open, p.typhoonSafe, sqlText(p.level), sqlText(p.address), p.synthetic === true].join(', ')}, ST_SetSRID(ST_MakePoint(${x}, ${y}), 4326))`;
  });
  return `
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE shelters (
  id text PRIMARY KEY, name text NOT NULL, name_en text, township text NOT NULL, status text NOT NULL,
  updated_at timestamptz NOT NULL, capacity integer NOT NULL, occupancy integer NOT NULL, open boolean NOT NULL,
  typhoon_safe boolean NOT NULL, level text NOT NULL, address text, synthetic boolean NOT NULL DEFAULT true,
  geom geometry(Point, 4326) NOT NULL);
INSERT INTO shelters VALUES
${rows.join(',\n')};
-- MapServer pages in row order (quirk 2): serve a view in id order so an UPDATE never moves a row between pages.
CREATE VIEW shelters_by_id AS SELECT * FROM shelters ORDER BY id;
`;
}

function mapfile({ pgPort, publicBase }) {
  return `MAP
  NAME "onemap"
  EXTENT 118.6 26.8 121.0 28.3
  PROJECTION "init=epsg:4326" END
  WEB
    METADATA
      "ows_title" "OneMap live-source test server (synthetic data)"
      "ows_enable_request" "*"
      "oga_enable_request" "*"
      "ows_srs" "EPSG:4326"
      "oga_onlineresource" "${publicBase}/cgi-bin/mapserv/onemap/ogcapi"
      "oga_max_limit" "1000"
    END
  END
  LAYER
    NAME "shelters"
    TYPE POINT
    STATUS ON
    # A layer is a collection only when queryable, i.e. it has a TEMPLATE (any value).
    TEMPLATE "void"
    CONNECTIONTYPE OGR
    CONNECTION "PG:host=127.0.0.1 port=${pgPort} dbname=postgres user=postgres"
    DATA "shelters_by_id"
    PROJECTION "init=epsg:4326" END
    METADATA
      "ows_title" "shelters"
      "gml_include_items" "all"
      "gml_exclude_items" "geom"
      "gml_featureid" "id"
      "gml_types" "auto"
      "gml_capacity_type" "Integer"
      "gml_occupancy_type" "Integer"
      "gml_open_type" "Boolean"
      "gml_typhoon_safe_type" "Boolean"
      "gml_synthetic_type" "Boolean"
    END
  END
END
`;
}

/**
 * Start the stack. `publicBase` is the origin clients reach it at (the fault proxy's), which
 * MapServer writes into its links (quirk 9).
 */
export async function startOgcStack({ pgPort, ogcPort, publicBase, shelters, log = () => {} }) {
  const dir = mkdtempSync(join(tmpdir(), 'onemap-live-'));
  const pgData = join(dir, 'pg');
  const state = { dir, pgData, pgPort, ogcPort, postgresPid: null, lighttpdPid: null, lighttpd: null };
  if (isRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
  try {
    await startAll(state, { shelters, publicBase, log });
  } catch (err) {
    await stopOgcStack(state);
    throw err;
  }
  return state;
}

async function startAll(state, { shelters, publicBase, log }) {
  const { dir, pgData, pgPort, ogcPort } = state;
  const t0 = Date.now();
  const [initCmd, initArgs] = asPgUser(join(PG_BIN, 'initdb'), ['-D', pgData, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--locale=C']);
  execFileSync(initCmd, initArgs, { stdio: 'pipe' });
  await startPostgres(state);
  psql(state, shelterSeedSql(shelters));
  log(`postgres + postgis up and seeded (${shelters.length} shelters) in ${Date.now() - t0} ms`);

  writeFileSync(join(dir, 'onemap.map'), mapfile({ pgPort, publicBase }));
  writeFileSync(join(dir, 'mapserver.conf'), `CONFIG\n  MAPS\n    "onemap" "${join(dir, 'onemap.map')}"\n  END\nEND\n`);
  mkdirSync(join(dir, 'www'), { recursive: true });
  writeFileSync(
    join(dir, 'lighttpd.conf'),
    `server.modules = ("mod_setenv", "mod_fastcgi")
server.document-root = "${join(dir, 'www')}"
server.bind = "127.0.0.1"
server.port = ${ogcPort}
server.errorlog = "${join(dir, 'lighttpd-error.log')}"
setenv.add-response-header = ("Access-Control-Allow-Origin" => "*", "Cache-Control" => "no-store")
fastcgi.server = ("/cgi-bin/mapserv" => ((
  "bin-path" => "${MAPSERV}",
  "socket" => "${join(dir, 'mapserv.sock')}",
  "check-local" => "disable",
  "max-procs" => 1,
  "bin-environment" => ("MAPSERVER_CONFIG_FILE" => "${join(dir, 'mapserver.conf')}")
)))
`,
  );
  await startOgcServer(state);
  log(`mapserver (lighttpd FastCGI) up on 127.0.0.1:${ogcPort} in ${Date.now() - t0} ms total`);
}

function pgOptions(state) {
  return `-c listen_addresses=127.0.0.1 -p ${state.pgPort} -k ${state.dir} -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c timezone=UTC`;
}

export async function startPostgres(state) {
  // (fsync=off: a throwaway cluster; timezone=UTC: MapServer drops offsets and writes Z, quirk 7)
  const [cmd, args] = asPgUser(join(PG_BIN, 'pg_ctl'), ['-D', state.pgData, '-o', pgOptions(state), '-l', join(state.dir, 'postgres.log'), '-w', '-t', '30', 'start']);
  execFileSync(cmd, args, { stdio: 'pipe' });
  state.postgresPid = Number(readFileSync(join(state.pgData, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

export async function stopPostgres(state) {
  const pid = state.postgresPid;
  state.postgresPid = null;
  // SIGINT = PostgreSQL's "fast" shutdown; the postmaster stops its own backends.
  await killAndWait(pid, 'SIGINT', 15_000);
}

/** Run SQL in the cluster (trust auth on loopback, database "postgres"). */
export function psql(state, sql) {
  return execFileSync(join(PG_BIN, 'psql'), ['-h', '127.0.0.1', '-p', String(state.pgPort), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-q', '-A', '-t', '-f', '-'], {
    input: sql,
    encoding: 'utf8',
    env: { ...process.env, PGTZ: 'UTC' },
  });
}

export async function startOgcServer(state) {
  const child = spawn(LIGHTTPD, ['-D', '-f', join(state.dir, 'lighttpd.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  state.lighttpd = child;
  state.lighttpdPid = child.pid;
  const url = `http://127.0.0.1:${state.ogcPort}/cgi-bin/mapserv/onemap/ogcapi/collections/shelters/items?f=json&limit=1`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`lighttpd exited: ${out}`);
    try {
      const r = await fetch(url);
      const text = await r.text();
      if (r.ok && text.includes('FeatureCollection')) return;
    } catch {}
    await sleep(150);
  }
  throw new Error(`the OGC API server did not answer on ${url}: ${out} ${readLog(state, 'lighttpd-error.log')}`);
}

/** Stop lighttpd and its FastCGI mapserv (an idle mapserv ignores SIGTERM: quirk 10). */
export async function stopOgcServer(state) {
  const pid = state.lighttpdPid;
  if (!pid) return;
  const kids = childrenOf(pid);
  state.lighttpdPid = null;
  state.lighttpd = null;
  await killAndWait(pid, 'SIGTERM');
  for (const k of kids) await killAndWait(k, 'SIGKILL', 2000);
}

function readLog(state, name) {
  try {
    return readFileSync(join(state.dir, name), 'utf8').slice(-2000);
  } catch {
    return '';
  }
}

export async function stopOgcStack(state) {
  if (!state) return;
  await stopOgcServer(state);
  await stopPostgres(state);
  rmSync(state.dir, { recursive: true, force: true });
}

/**
 * Makes the demo's synthetic camera clips with Debian's ffmpeg (`apt-get install -y ffmpeg`):
 *   npm run demo:cameras            → public/demo-cameras/ (committed; the build copies it to dist/)
 *   npm run demo:cameras -- --out DIR --seed N
 * Each clip is an ffmpeg test pattern (lavfi) with 示意 / synthetic and the clip's name drawn in, a
 * running clock so playback is visibly moving; pattern, colours and text placement are drawn from the
 * seeded PRNG. HLS: H.264 baseline in MPEG-TS segments (Chromium plays it through hls.js / MSE).
 * Needs a CJK font: fonts-noto-cjk (NotoSansCJK-Regular.ttc) or --font FILE.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CAMERA_CLIPS_DIR, HLS_CLIP_COUNT, SNAPSHOT_COUNT, hlsClipPath, snapshotPath } from './demo/camera-clips';
import { createRng } from './demo/prng';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SEED = 20240916;
const FONT_CANDIDATES = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'];
const PATTERNS = ['testsrc2', 'smptehdbars', 'testsrc'] as const;
const WIDTH = 320;
const HEIGHT = 180;
const FPS = 10;
const CLIP_SECONDS = 6;

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** drawtext wants ':' and '\'' escaped inside its option string. */
const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/:/g, '\\:').replace(/'/g, "\\'");

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
}

function main(args: string[]): void {
  const outRoot = resolve(argValue(args, '--out') ?? join(root, 'public'));
  const seed = Number(argValue(args, '--seed') ?? DEFAULT_SEED);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const font = argValue(args, '--font') ?? FONT_CANDIDATES.find((f) => existsSync(f));
  if (!font) throw new Error('no CJK font: apt-get install -y fonts-noto-cjk, or pass --font FILE');
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new Error('ffmpeg not found: apt-get install -y ffmpeg');
  }
  const rng = createRng(seed);
  rmSync(join(outRoot, CAMERA_CLIPS_DIR), { recursive: true, force: true });
  const bitexact = ['-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1'];

  const label = (name: string, withClock: boolean) => {
    const x = rng.pick(['10', '(w-tw)/2', 'w-tw-10']);
    const fontcolor = rng.pick(['white', 'yellow']);
    const main = `drawtext=fontfile='${font}':text='${escapeText(`示意 synthetic ${name}`)}':x=${x}:y=10:fontsize=20:fontcolor=${fontcolor}:box=1:boxcolor=black@0.55:boxborderw=4`;
    const clock = `drawtext=fontfile='${font}':text='%{pts\\:hms}':x=w-tw-8:y=h-th-8:fontsize=16:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=3`;
    return withClock ? `${main},${clock}` : main;
  };

  for (let k = 1; k <= HLS_CLIP_COUNT; k++) {
    const pattern = PATTERNS[(k - 1) % PATTERNS.length]!;
    const playlist = join(outRoot, hlsClipPath(k));
    mkdirSync(dirname(playlist), { recursive: true });
    ffmpeg([
      '-f', 'lavfi', '-i', `${pattern}=size=${WIDTH}x${HEIGHT}:rate=${FPS}:duration=${CLIP_SECONDS}`,
      '-vf', label(`CAM clip ${k}`, true),
      '-c:v', 'libx264', '-profile:v', 'baseline', '-level', '3.0', '-pix_fmt', 'yuv420p', '-preset', 'veryfast',
      '-b:v', '110k', '-maxrate', '140k', '-bufsize', '280k', '-g', String(FPS * 2), '-keyint_min', String(FPS * 2), '-sc_threshold', '0',
      '-threads', '1', ...bitexact,
      '-f', 'hls', '-hls_time', '2', '-hls_list_size', '0', '-hls_playlist_type', 'vod',
      '-hls_segment_filename', join(dirname(playlist), 'seg-%d.ts'),
      playlist,
    ]);
  }
  for (let k = 1; k <= SNAPSHOT_COUNT; k++) {
    const pattern = rng.pick(PATTERNS);
    ffmpeg([
      '-f', 'lavfi', '-i', `${pattern}=size=${WIDTH}x${HEIGHT}:rate=1:duration=1`,
      '-vf', label(`gauge snapshot ${k}`, false), '-frames:v', '1', '-q:v', '5', ...bitexact,
      join(outRoot, snapshotPath(k)),
    ]);
  }
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(join(outRoot, CAMERA_CLIPS_DIR));
  const total = files.reduce((a, f) => a + statSync(f).size, 0);
  console.log(`demo:cameras: ${files.length} files, ${(total / 1024).toFixed(0)} KB in ${join(outRoot, CAMERA_CLIPS_DIR)}`);
}

main(process.argv.slice(2));

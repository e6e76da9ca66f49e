import { readFileSync } from 'node:fs';
import { windCircleTimes } from '../../core';
import { readTyphoonTrack } from '../../io';
import { parseOptions, usage, type OptionSpec } from '../args';
import { CliError } from '../cli-error';
import { readPoints } from '../read-inputs';
import { writeJson, type CommandResult } from '../write-output';

const SPEC = {
  track: { type: 'string', required: true, help: 'typhoon track: Zhejiang/Wenzhou typhoon-site JSON, JTWC ATCF deck, IBTrACS CSV or OneMap typhoon GeoJSON (detected from the content)' },
  places: { type: 'string', required: true, help: 'GeoJSON Point features (an "id" property, else the feature index)' },
  out: { type: 'string', required: true, help: 'output JSON file' },
} satisfies OptionSpec;

export const TYPHOON_USAGE = usage('typhoon', 'First and last hour (UTC) each place is inside each wind circle (typhoon.md).', SPEC);

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace('.000Z', 'Z'));

/**
 * `typhoon`: {"storm":{name,id,source},"thresholdsKt":[…],"places":[{"id","firstInside":{"34":ISO|null},"lastInside":{…}}]},
 * places aligned with the input. Bad lines of the track are warnings naming the line; no usable fix is an error.
 */
export function runTyphoon(argv: string[]): CommandResult {
  const o = parseOptions('typhoon', argv, SPEC);
  if (o.help) return { stdout: TYPHOON_USAGE };
  let text: string;
  try {
    text = readFileSync(o.track!, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read --track file "${o.track}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const { track, issues } = readTyphoonTrack(text);
  if (!track) throw new CliError(`--track "${o.track}": ${issues.find((i) => i.severity === 'error')?.message ?? issues[0]?.message ?? 'no usable track'}`);
  const places = readPoints(o.places!, '--places', false);
  const times = windCircleTimes(track, places.map((p) => p.lngLat));
  const byThreshold = (m: Record<string, number | null>) => Object.fromEntries(track.thresholdsKt.map((k) => [k, iso(m[k] ?? null)]));
  writeJson(o.out!, {
    storm: { name: track.storm.name, id: track.storm.id, source: track.storm.source },
    thresholdsKt: track.thresholdsKt,
    places: places.map((p, i) => ({ id: p.id, firstInside: byThreshold(times[i]!.firstInsideMs), lastInside: byThreshold(times[i]!.lastInsideMs) })),
  });
  const shown = issues.slice(0, 20).map((i) => `--track: ${i.message}`);
  if (issues.length > shown.length) shown.push(`--track: … and ${issues.length - shown.length} more problems`);
  return { stderr: shown, stdout: `wrote ${places.length} place(s) × ${track.thresholdsKt.length} thresholds for ${track.storm.name} (${track.fixes.length} fixes, ${track.format}) to ${o.out}\n` };
}

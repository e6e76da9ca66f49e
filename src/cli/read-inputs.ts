import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  CoreError, EMERGENCY_DEFAULT_PROFILE, getSpeedProfile, parseRoads, previewValue, roadNetworkFromRaw,
  type RoadNetwork,
} from '../core';
import { CliError } from './cli-error';

/** Input files larger than this are refused before reading (the CLI holds a file in memory). */
export const MAX_INPUT_BYTES = 1024 * 1024 * 1024;

export function readBytes(path: string, what: string): Uint8Array {
  try {
    const size = statSync(path).size;
    if (size > MAX_INPUT_BYTES) throw new CliError(`${what} file "${path}" is ${Math.round(size / 2 ** 20)} MB, over the ${MAX_INPUT_BYTES / 2 ** 20} MB limit`);
    return readFileSync(path);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read ${what} file "${path}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** Reads a JSON file (UTF-8, BOM ignored): a missing file or bad JSON is one CliError naming it. */
export function readJson(path: string, option: string): unknown {
  const bytes = readBytes(path, option);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${option} "${path}" is not UTF-8 text (GeoJSON must be UTF-8)`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    throw new CliError(`${option} "${path}" is not valid JSON: ${(err as Error).message.slice(0, 200)}`);
  }
}

/** Reads a road file (.osm.pbf, .osm, .geojson) into a network with the named profile. */
export function readRoadNetwork(path: string, profileName = EMERGENCY_DEFAULT_PROFILE.name): { net: RoadNetwork; problems: readonly string[] } {
  let profile;
  try {
    profile = getSpeedProfile(profileName);
  } catch (err) {
    throw new CliError(`--profile: ${(err as Error).message}`);
  }
  const bytes = readBytes(path, '--roads');
  let raw;
  try {
    raw = parseRoads(basename(path), bytes);
    return { net: roadNetworkFromRaw(raw, profile), problems: raw.problems };
  } catch (err) {
    if (err instanceof CoreError && err.code === 'network-empty' && raw?.problems.length) {
      throw new CliError(`--roads "${path}": ${err.message}; ${raw.problems.length} problem(s) met while reading, the first: ${raw.problems[0]}`);
    }
    if (err instanceof CoreError) throw new CliError(`--roads "${path}": ${err.message}`);
    throw err;
  }
}

export interface InputPoint {
  readonly id: string;
  readonly kind: string;
  readonly lngLat: [number, number];
  /** the feature's properties as read ({} when none) */
  readonly properties: Readonly<Record<string, unknown>>;
}

/**
 * Reads Point features with an `id` property. Every feature must be usable: a CLI answer aligned
 * with its input must not silently drop rows, so the first bad one stops the run, named.
 */
export function readPoints(path: string, option: string, requireId: boolean): InputPoint[] {
  const json = readJson(path, option) as { type?: unknown; features?: unknown } | null;
  if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new CliError(`${option} "${path}" must be a GeoJSON FeatureCollection of Points`);
  }
  return (json.features as Array<{ geometry?: { type?: string; coordinates?: unknown[] } | null; properties?: Record<string, unknown> | null; id?: unknown }>).map((f, i) => {
    if (f === null || typeof f !== 'object') throw new CliError(`${option} "${path}" feature ${i}: ${previewValue(f)} is not a GeoJSON Feature`);
    const g = f.geometry;
    const [lng, lat] = (g !== null && typeof g === 'object' && Array.isArray(g.coordinates) ? g.coordinates : []) as number[];
    if (g?.type !== 'Point' || !Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat!) > 90 || Math.abs(lng!) > 180) {
      throw new CliError(`${option} "${path}" feature ${i}: geometry ${previewValue(g ?? null, 80)} is not a Point [lng, lat]`);
    }
    const props = f.properties !== null && typeof f.properties === 'object' ? f.properties : undefined;
    const rawId = props?.id ?? f.id;
    if (requireId && (rawId === undefined || rawId === null || rawId === '')) {
      throw new CliError(`${option} "${path}" feature ${i}: no "id" property`);
    }
    if (rawId !== undefined && rawId !== null && typeof rawId !== 'string' && typeof rawId !== 'number') {
      throw new CliError(`${option} "${path}" feature ${i}: "id" ${previewValue(rawId)} is not a string or number`);
    }
    const kind = props?.kind;
    return { id: rawId === undefined || rawId === null ? String(i) : String(rawId), kind: typeof kind === 'string' ? kind : 'resource', lngLat: [lng!, lat!], properties: props ?? {} };
  });
}

/** Parses "LNG,LAT". */
export function parseLngLat(text: string, option: string): [number, number] {
  const parts = text.split(',').map((s) => Number(s.trim()));
  const [lng, lat] = parts;
  if (parts.length !== 2 || !Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat!) > 90 || Math.abs(lng!) > 180) {
    throw new CliError(`${option} must be LNG,LAT in degrees (e.g. 119.72,27.56), got ${previewValue(text)}`);
  }
  return [lng!, lat!];
}

/** Parses "5,10,15" into ascending positive minutes. */
export function parseMinutesList(text: string, option: string): number[] {
  const values = text.split(',').map((s) => Number(s.trim()));
  if (values.length === 0 || values.some((v) => !(v > 0 && v <= 24 * 60))) {
    throw new CliError(`${option} must be minutes between 0 and 1440, comma-separated (e.g. 5,10,15), got ${previewValue(text)}`);
  }
  return [...new Set(values)].sort((a, b) => a - b);
}

export function parsePositive(text: string, option: string, integer: boolean): number {
  const v = Number(text);
  if (!(v > 0) || (integer && !Number.isInteger(v))) {
    throw new CliError(`${option} must be a positive ${integer ? 'whole number' : 'number'}, got ${previewValue(text)}`);
  }
  return v;
}

/** `--minutes` or `--bands` (not both) and `--cell-size`, shared by isochrone and coverage. */
export function parseTravelAreaOptions(command: string, o: { minutes?: string; bands?: string; 'cell-size'?: string }) {
  if (o.bands && o.minutes) throw new CliError(`${command}: give --minutes or --bands, not both`);
  const bandsMinutes = o.bands ? parseMinutesList(o.bands, '--bands') : parseMinutesList(o.minutes ?? '15', '--minutes');
  const cellSizeMeters = o['cell-size'] ? parsePositive(o['cell-size'], '--cell-size', false) : undefined;
  return { bandsMinutes, cellSizeMeters };
}

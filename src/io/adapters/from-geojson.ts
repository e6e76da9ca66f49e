/**
 * GeoJSON FeatureCollection → candidate records (properties + `lngLat` from a Point geometry),
 * one per feature, with the structural issues of each feature. No schema validation here.
 */
import { describeIssueValue, makeIoIssue, type IoIssue } from '../schemas/issue';
import { isPlainRecord, safeCopy } from './safe-copy';

export interface FeatureCandidate {
  row: number;
  id?: string;
  /** Sanitised properties with `lngLat` set from the geometry; null when the feature is unusable. */
  record: Record<string, unknown> | null;
  /** Geometry of non-point features (townships), sanitised. */
  geometry?: unknown;
  issues: IoIssue[];
}

export interface GeoJsonCandidates {
  candidates: FeatureCandidate[];
  /** Issues about the input as a whole (row -1). */
  issues: IoIssue[];
}

export function idOf(props: unknown): string | undefined {
  if (!isPlainRecord(props)) return undefined;
  const id = props['id'];
  if (typeof id === 'string') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return undefined;
}

/** Check a Point geometry and return its [lng, lat], or the issue that prevents it. */
function pointLngLat(geometry: unknown, row: number, id: string | undefined): [number, number] | IoIssue {
  if (geometry === null || geometry === undefined)
    return makeIoIssue({ row, id, field: 'geometry', value: geometry ?? null, problem: 'no location (geometry is null)' });
  if (!isPlainRecord(geometry) || geometry['type'] !== 'Point') {
    const type = isPlainRecord(geometry) ? geometry['type'] : geometry;
    return makeIoIssue({ row, id, field: 'geometry.type', value: type, problem: 'expected a Point geometry' });
  }
  const c = geometry['coordinates'];
  if (!Array.isArray(c) || c.length < 2)
    return makeIoIssue({ row, id, field: 'lngLat', value: c, problem: 'coordinates must be [lng, lat]' });
  const lng: unknown = c[0];
  const lat: unknown = c[1];
  if (typeof lng !== 'number' || !Number.isFinite(lng))
    return makeIoIssue({ row, id, field: 'lngLat', value: c, problem: `longitude ${String(lng)} is not a finite number` });
  if (typeof lat !== 'number' || !Number.isFinite(lat))
    return makeIoIssue({ row, id, field: 'lngLat', value: c, problem: `latitude ${String(lat)} is not a finite number` });
  if (lng < -180 || lng > 180)
    return makeIoIssue({ row, id, field: 'lngLat', value: c, problem: `longitude ${lng} is outside -180..180` });
  if (lat < -90 || lat > 90)
    return makeIoIssue({ row, id, field: 'lngLat', value: c, problem: `latitude ${lat} is outside -90..90` });
  return [lng, lat];
}

export interface FromGeoJsonOptions {
  /** 'point': lngLat from a Point geometry (resources, villages); 'area': keep the geometry (townships). */
  geometry: 'point' | 'area';
  /** number of the first feature in issues: 0 (default) or 1 (the import report's 1-based rows) */
  rowBase?: 0 | 1;
}

export function fromGeoJson(input: unknown, opts: FromGeoJsonOptions = { geometry: 'point' }): GeoJsonCandidates {
  if (!isPlainRecord(input) || input['type'] !== 'FeatureCollection' || !Array.isArray(input['features'])) {
    const type = isPlainRecord(input) ? input['type'] : input;
    return {
      candidates: [],
      issues: [
        makeIoIssue({
          row: -1,
          field: 'type',
          value: type === undefined ? typeof input : type,
          problem: 'expected a GeoJSON FeatureCollection with a "features" array',
        }),
      ],
    };
  }
  const features = input['features'] as unknown[];
  const base = opts.rowBase ?? 0;
  const candidates = features.map((raw, index): FeatureCandidate => {
    const row = index + base;
    if (!isPlainRecord(raw) || raw['type'] !== 'Feature') {
      const value = isPlainRecord(raw) ? raw['type'] : raw;
      return { row, record: null, issues: [makeIoIssue({ row, field: 'type', value, problem: 'expected a GeoJSON Feature' })] };
    }
    const issues: IoIssue[] = [];
    const { value: props, droppedKeys } = safeCopy(raw['properties'] ?? null);
    const id = idOf(props);
    for (const dropped of droppedKeys)
      issues.push(
        makeIoIssue({ row, id, field: `properties.${dropped.path}`, value: describeIssueValue(dropped.value), problem: 'unsafe key ignored', severity: 'warning' }),
      );
    if (!isPlainRecord(props)) {
      issues.push(makeIoIssue({ row, id, field: 'properties', value: props, problem: 'properties must be an object' }));
      return { row, ...(id !== undefined ? { id } : {}), record: null, issues };
    }
    if (opts.geometry === 'area') {
      const geometry = safeCopy(raw['geometry'] ?? null).value;
      const type = isPlainRecord(geometry) ? geometry['type'] : null;
      if (type !== 'Polygon' && type !== 'MultiPolygon') {
        issues.push(makeIoIssue({ row, id, field: 'geometry.type', value: type, problem: 'expected a Polygon or MultiPolygon' }));
        return { row, ...(id !== undefined ? { id } : {}), record: null, issues };
      }
      return { row, ...(id !== undefined ? { id } : {}), record: props, geometry, issues };
    }
    const lngLat = pointLngLat(raw['geometry'], row, id);
    if (!Array.isArray(lngLat)) {
      issues.push(lngLat);
      return { row, ...(id !== undefined ? { id } : {}), record: null, issues };
    }
    Object.defineProperty(props, 'lngLat', { value: lngLat, enumerable: true, writable: true, configurable: true });
    return { row, ...(id !== undefined ? { id } : {}), record: props, issues };
  });
  return { candidates, issues: [] };
}

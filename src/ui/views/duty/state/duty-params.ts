import type { ViewParams } from '../../types';

/** The duty view's hash fields: `inc=LNG,LAT` (WGS-84, 6 decimals). */
export interface DutyState {
  incident: readonly [number, number] | null;
}

const INCIDENT_DECIMALS = 6;

export function formatLngLat(lngLat: readonly [number, number]): string {
  return `${lngLat[0].toFixed(INCIDENT_DECIMALS)},${lngLat[1].toFixed(INCIDENT_DECIMALS)}`;
}

/** `inc=119.7,27.5` → [119.7, 27.5]; anything else → null. */
export function parseIncidentParam(value: string | undefined): [number, number] | null {
  if (!value) return null;
  const m = /^(-?\d{1,3}(?:\.\d+)?),(-?\d{1,2}(?:\.\d+)?)$/.exec(value.trim());
  if (!m) return null;
  const lng = Number(m[1]), lat = Number(m[2]);
  if (!(lng >= -180 && lng <= 180 && lat >= -85 && lat <= 85)) return null;
  return [lng, lat];
}

export function parseDutyParams(params: ViewParams): DutyState {
  return { incident: parseIncidentParam(params.inc) };
}

export function dutyParams(state: DutyState): ViewParams {
  const out: Record<string, string> = {};
  if (state.incident) out.inc = formatLngLat(state.incident);
  return out;
}

import { DEFAULT_CENTER, DEFAULT_ZOOM, MAX_ZOOM, MIN_ZOOM } from '../../config/map-defaults';
import { RESOURCE_KINDS, isResourceKind, type ResourceKind } from '../../config/resource-kinds';

/**
 * Map state kept in the URL hash:
 * `#map=zoom/lat/lng&layers=a,b&sel=ID&circle=ID&lang=en&view=duty&<the view's own params>`.
 * The shell owns the fields below; every other key belongs to the active view (`viewParams`),
 * so a view adds its own fields (e.g. `inc=119.7,27.5`) without touching this file.
 */
export interface HashState {
  center: readonly [number, number]; // [lng, lat]
  zoom: number;
  visibleKinds: readonly ResourceKind[];
  selectedId: string | null;
  /** the resource whose 15-minute rescue circle is drawn */
  circleId: string | null;
  lang: 'zh-CN' | 'en';
  /** the active view's id (src/ui/views/registry.ts); unknown ids fall back to the default */
  view: string;
  /** the active view's own fields, in the order the view wrote them */
  viewParams: Readonly<Record<string, string>>;
}

/** Keys the shell owns; a view's params never use them. */
export const SHELL_HASH_KEYS: readonly string[] = ['map', 'layers', 'sel', 'circle', 'lang', 'view'];
const VIEW_PARAM_KEY = /^[a-z][a-z0-9_]{0,31}$/;
const VIEW_PARAM_MAX_CHARS = 4000;

export const DEFAULT_HASH_STATE: HashState = {
  center: DEFAULT_CENTER,
  zoom: DEFAULT_ZOOM,
  visibleKinds: RESOURCE_KINDS,
  selectedId: null,
  circleId: null,
  lang: 'zh-CN',
  view: 'duty',
  viewParams: {},
};

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The layers a view shows when the link names none (each view's default: src/ui/views/registry.ts).
 * Without it, a link with no `layers` field shows `defaults.visibleKinds`.
 */
export type DefaultKindsOf = (view: string) => readonly ResourceKind[];

function parseMap(value: string | null): Pick<HashState, 'center' | 'zoom'> | null {
  if (!value) return null;
  const parts = value.split('/');
  if (parts.length !== 3) return null;
  const [zoom, lat, lng] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (zoom === undefined || lat === undefined || lng === undefined) return null;
  if (![zoom, lat, lng].every(Number.isFinite)) return null;
  if (lng < -180 || lng > 180 || lat < -85 || lat > 85) return null;
  return { center: [lng, lat], zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom)) };
}

function parseLayers(value: string | null): ResourceKind[] | null {
  if (value === null) return null;
  if (value === '' || value === 'none') return [];
  const kinds = value.split(',').filter(isResourceKind);
  // Keep registry order and drop duplicates; anything unknown means the value was garbage.
  const wanted = new Set(kinds);
  return kinds.length === value.split(',').length ? RESOURCE_KINDS.filter((k) => wanted.has(k)) : null;
}

/**
 * Parses a location hash; each field that is missing or malformed falls back to its default.
 * With `knownViews`, a view id not in it falls back to `defaults.view` (and its params are dropped).
 * With `defaultKindsOf`, missing or malformed `layers` fall back to the parsed view's default layers.
 */
export function parseHash(hash: string, defaults: HashState = DEFAULT_HASH_STATE, knownViews?: readonly string[], defaultKindsOf?: DefaultKindsOf): HashState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return defaults;
  }
  const map = parseMap(params.get('map'));
  const layers = parseLayers(params.get('layers'));
  const sel = params.get('sel');
  const circle = params.get('circle');
  const lang = params.get('lang');
  const viewRaw = params.get('view');
  const viewOk = viewRaw !== null && ID_PATTERN.test(viewRaw) && (!knownViews || knownViews.includes(viewRaw));
  const view = viewOk ? viewRaw : defaults.view;
  const viewParams: Record<string, string> = {};
  if (viewOk || viewRaw === null) {
    for (const [key, value] of params) {
      if (SHELL_HASH_KEYS.includes(key) || !VIEW_PARAM_KEY.test(key) || value.length > VIEW_PARAM_MAX_CHARS) continue;
      if (!(key in viewParams)) viewParams[key] = value;
    }
  }
  return {
    center: map?.center ?? defaults.center,
    zoom: map?.zoom ?? defaults.zoom,
    visibleKinds: layers ?? (defaultKindsOf ? defaultKindsOf(view) : defaults.visibleKinds),
    selectedId: sel !== null && ID_PATTERN.test(sel) ? sel : defaults.selectedId,
    circleId: circle !== null && ID_PATTERN.test(circle) ? circle : defaults.circleId,
    lang: lang === 'en' ? 'en' : lang === 'zh-CN' ? 'zh-CN' : defaults.lang,
    view,
    viewParams,
  };
}

/**
 * Serialises state to a hash (with leading '#'); stable field order, fixed precision. With
 * `defaultKindsOf`, `layers` is left out while the visible layers are exactly the state's view's
 * defaults: such a link, parsed with the same `defaultKindsOf`, opens as it was written.
 */
export function serializeHash(state: HashState, defaultKindsOf?: DefaultKindsOf): string {
  const parts = [`map=${state.zoom.toFixed(2)}/${state.center[1].toFixed(5)}/${state.center[0].toFixed(5)}`];
  if (!defaultKindsOf || !sameMembers(new Set(state.visibleKinds), defaultKindsOf(state.view))) {
    parts.push(`layers=${state.visibleKinds.length === 0 ? 'none' : RESOURCE_KINDS.filter((k) => state.visibleKinds.includes(k)).join(',')}`);
  }
  if (state.selectedId) parts.push(`sel=${encodeURIComponent(state.selectedId)}`);
  if (state.circleId) parts.push(`circle=${encodeURIComponent(state.circleId)}`);
  if (state.lang !== 'zh-CN') parts.push(`lang=${state.lang}`);
  parts.push(`view=${encodeURIComponent(state.view)}`);
  for (const [key, value] of Object.entries(state.viewParams)) {
    if (SHELL_HASH_KEYS.includes(key) || !VIEW_PARAM_KEY.test(key)) continue;
    parts.push(`${key}=${encodeViewValue(value)}`);
  }
  return `#${parts.join('&')}`;
}

/** Percent-encodes a view value but keeps , ; : / . - _ readable (they are safe in a fragment). */
function encodeViewValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%3B/gi, ';').replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

/** Whether a set holds exactly these members (a hash applied again keeps the same Set). */
export function sameMembers<T>(set: ReadonlySet<T>, members: readonly T[]): boolean {
  const distinct = new Set(members);
  return distinct.size === set.size && [...distinct].every((m) => set.has(m));
}

/** Whether two string records hold the same keys and values. */
export function sameEntries(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k]);
}

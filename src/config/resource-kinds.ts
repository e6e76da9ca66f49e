/**
 * The single registry of resource kinds: label, colour and icon per kind. Map layers, the legend,
 * the layer panel and the detail panel all read from here; nothing else hard-codes a kind's look.
 */
export const RESOURCE_KINDS = ['shelter', 'rescue_team', 'fire_station', 'depot', 'camera'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export type RgbColor = readonly [number, number, number];

export interface ResourceKindStyle {
  kind: ResourceKind;
  labelZh: string;
  labelEn: string;
  /** Fill colour of the icon badge, sRGB 0–255. */
  color: RgbColor;
  /** Glyph drawn in white inside the badge: an SVG path in a 24×24 view box. */
  iconPath: string;
  /** Data file stem under data/taishun/resources/. */
  fileStem: string;
  /** Whether points of this kind are clustered where they crowd. */
  clustered: boolean;
}

export const RESOURCE_KIND_STYLES: Readonly<Record<ResourceKind, ResourceKindStyle>> = {
  shelter: {
    kind: 'shelter',
    labelZh: '避灾安置场所',
    labelEn: 'Shelters',
    color: [22, 150, 92],
    // a house
    iconPath: 'M12 4 L20 11 H17.5 V19 H6.5 V11 H4 Z',
    fileStem: 'shelters',
    clustered: false,
  },
  rescue_team: {
    kind: 'rescue_team',
    labelZh: '救援队伍',
    labelEn: 'Rescue teams',
    color: [230, 120, 20],
    // a cross
    iconPath: 'M10 5 H14 V10 H19 V14 H14 V19 H10 V14 H5 V10 H10 Z',
    fileStem: 'rescue-teams',
    clustered: false,
  },
  fire_station: {
    kind: 'fire_station',
    labelZh: '消防站',
    labelEn: 'Fire stations',
    color: [214, 40, 40],
    // a flame
    iconPath: 'M12 3 C14 7 18 9 18 14 A6 6 0 0 1 6 14 C6 11 8 9 9 7 C9.5 10 11 11 12 11 C12 8 11 6 12 3 Z',
    fileStem: 'fire-stations',
    clustered: false,
  },
  depot: {
    kind: 'depot',
    labelZh: '物资储备库',
    labelEn: 'Supply depots',
    color: [120, 70, 180],
    // stacked boxes
    iconPath: 'M3.5 13 H11 V20.5 H3.5 Z M13 13 H20.5 V20.5 H13 Z M8.25 4 H15.75 V11.5 H8.25 Z',
    fileStem: 'depots',
    clustered: false,
  },
  camera: {
    kind: 'camera',
    labelZh: '监测视频点',
    labelEn: 'Cameras',
    color: [30, 110, 200],
    // a camera body
    iconPath: 'M4 8 H14 V16 H4 Z M14 10.5 L20 7.5 V16.5 L14 13.5 Z',
    fileStem: 'cameras',
    clustered: true,
  },
};

/** Glyphs are drawn at this scale around the badge centre so a ring of colour stays visible. */
export const ICON_GLYPH_TRANSFORM = 'translate(12 12) scale(0.66) translate(-12 -12)';

export function isResourceKind(value: unknown): value is ResourceKind {
  return typeof value === 'string' && (RESOURCE_KINDS as readonly string[]).includes(value);
}

export function kindLabel(kind: ResourceKind, lang: string): string {
  const style = RESOURCE_KIND_STYLES[kind];
  return lang.startsWith('en') ? style.labelEn : style.labelZh;
}

export function rgbCss(color: RgbColor, alpha = 1): string {
  return `rgba(${color[0]}, ${color[1]}, ${color[2]}, ${alpha})`;
}

/**
 * A self-contained SVG badge for a kind (coloured circle, white glyph). Used as a same-document
 * data URL by the map's icon layer; the React legend draws the same path as elements.
 */
export function buildKindIconSvg(kind: ResourceKind, sizePixels = 48): string {
  const style = RESOURCE_KIND_STYLES[kind];
  const fill = `rgb(${style.color.join(',')})`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${sizePixels}" height="${sizePixels}" viewBox="0 0 24 24">` +
    `<circle cx="12" cy="12" r="11" fill="${fill}" stroke="white" stroke-width="1.5"/>` +
    `<path d="${style.iconPath}" transform="${ICON_GLYPH_TRANSFORM}" fill="white" stroke="white" stroke-width="0.6" stroke-linejoin="round" fill-rule="evenodd"/>` +
    `</svg>`
  );
}

/**
 * What an icon on the map shows: the kind's badge, or for shelters tonight's state. An open shelter
 * with free places is the plain green badge; a full one keeps the green but gets a red ring and bar;
 * a closed one (not open tonight, whatever its service status) is a grey badge struck through.
 */
export const ICON_KEYS = [...RESOURCE_KINDS, 'shelter-full', 'shelter-closed'] as const;
export type IconKey = (typeof ICON_KEYS)[number];

export type ShelterState = 'open' | 'full' | 'closed';

export interface ShelterStateInput {
  open: boolean;
  capacity: number;
  occupancy: number;
}

/** Tonight's state of a shelter: closed unless open; full when open with no free place left. */
export function shelterState(s: ShelterStateInput): ShelterState {
  if (!s.open) return 'closed';
  return s.capacity - s.occupancy <= 0 ? 'full' : 'open';
}

export function shelterIconKey(state: ShelterState): IconKey {
  return state === 'open' ? 'shelter' : state === 'full' ? 'shelter-full' : 'shelter-closed';
}

const CLOSED_GREY: RgbColor = [138, 145, 152];
const FULL_RED: RgbColor = [200, 30, 45];

/** Badge parts of an icon key, shared by the map's SVG atlas and the React legend. */
export interface IconParts {
  fill: RgbColor;
  ring: RgbColor;
  ringWidth: number;
  glyph: string;
  /** Extra marks drawn over the glyph (SVG path, stroke colour). */
  mark?: { path: string; color: RgbColor; width: number };
}

export function iconParts(key: IconKey): IconParts {
  if (key === 'shelter-full') {
    return { fill: RESOURCE_KIND_STYLES.shelter.color, ring: FULL_RED, ringWidth: 2.6, glyph: RESOURCE_KIND_STYLES.shelter.iconPath, mark: { path: 'M6 19.2 H18', color: FULL_RED, width: 2.6 } };
  }
  if (key === 'shelter-closed') {
    return { fill: CLOSED_GREY, ring: [255, 255, 255], ringWidth: 1.5, glyph: RESOURCE_KIND_STYLES.shelter.iconPath, mark: { path: 'M5 19 L19 5', color: [60, 64, 70], width: 2.4 } };
  }
  return { fill: RESOURCE_KIND_STYLES[key].color, ring: [255, 255, 255], ringWidth: 1.5, glyph: RESOURCE_KIND_STYLES[key].iconPath };
}

/** A self-contained SVG badge for an icon key (see buildKindIconSvg). */
export function buildIconSvg(key: IconKey, sizePixels = 48): string {
  const p = iconParts(key);
  const rgb = (c: RgbColor) => `rgb(${c.join(',')})`;
  const r = 12 - p.ringWidth / 2 - 0.25;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${sizePixels}" height="${sizePixels}" viewBox="0 0 24 24">` +
    `<circle cx="12" cy="12" r="${r}" fill="${rgb(p.fill)}" stroke="${rgb(p.ring)}" stroke-width="${p.ringWidth}"/>` +
    `<path d="${p.glyph}" transform="${ICON_GLYPH_TRANSFORM}" fill="white" stroke="white" stroke-width="0.6" stroke-linejoin="round" fill-rule="evenodd"/>` +
    (p.mark ? `<path d="${p.mark.path}" stroke="${rgb(p.mark.color)}" stroke-width="${p.mark.width}" stroke-linecap="round" fill="none"/>` : '') +
    `</svg>`
  );
}

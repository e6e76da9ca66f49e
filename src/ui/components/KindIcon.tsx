import { ICON_GLYPH_TRANSFORM, RESOURCE_KIND_STYLES, rgbCss, type ResourceKind } from '../../config/resource-kinds';

/** The kind's badge drawn as SVG elements (same shape as the map icon, from the same registry). */
export function KindIcon({ kind, sizePixels = 20 }: { kind: ResourceKind; sizePixels?: number }) {
  const style = RESOURCE_KIND_STYLES[kind];
  return (
    <svg width={sizePixels} height={sizePixels} viewBox="0 0 24 24" aria-hidden="true" className="kind-icon">
      <circle cx="12" cy="12" r="11" fill={rgbCss(style.color)} stroke="white" strokeWidth="1.5" />
      <path d={style.iconPath} transform={ICON_GLYPH_TRANSFORM} fill="white" stroke="white" strokeWidth="0.6" strokeLinejoin="round" fillRule="evenodd" />
    </svg>
  );
}

import { ICON_GLYPH_TRANSFORM, iconParts, rgbCss, type IconKey, type ResourceKind } from '../../config/resource-kinds';

/** An icon key's badge drawn as SVG elements (same parts as the map icon, from the same registry). */
export function IconBadge({ iconKey, sizePixels = 20 }: { iconKey: IconKey; sizePixels?: number }) {
  const p = iconParts(iconKey);
  return (
    <svg width={sizePixels} height={sizePixels} viewBox="0 0 24 24" aria-hidden="true" className="kind-icon">
      <circle cx="12" cy="12" r={12 - p.ringWidth / 2 - 0.25} fill={rgbCss(p.fill)} stroke={rgbCss(p.ring)} strokeWidth={p.ringWidth} />
      <path d={p.glyph} transform={ICON_GLYPH_TRANSFORM} fill="white" stroke="white" strokeWidth="0.6" strokeLinejoin="round" fillRule="evenodd" />
      {p.mark && <path d={p.mark.path} stroke={rgbCss(p.mark.color)} strokeWidth={p.mark.width} strokeLinecap="round" fill="none" />}
    </svg>
  );
}

/** The kind's badge (same shape as the map icon, from the same registry). */
export function KindIcon({ kind, sizePixels = 20 }: { kind: ResourceKind; sizePixels?: number }) {
  return <IconBadge iconKey={kind} sizePixels={sizePixels} />;
}

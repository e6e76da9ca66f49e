export interface HoverInfo {
  text: string;
  xPixels: number;
  yPixels: number;
}

/** Plain-text tooltip next to the pointer; React escapes the text (never HTML from data). */
export function HoverTooltip({ info }: { info: HoverInfo | null }) {
  if (!info) return null;
  return (
    <div className="hover-tooltip" role="tooltip" style={{ left: info.xPixels + 12, top: info.yPixels + 12 }}>
      {info.text}
    </div>
  );
}

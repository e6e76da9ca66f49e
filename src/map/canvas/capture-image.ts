import type { Map as MaplibreMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { MapImage } from './types';

/** Ground metres per CSS pixel at the map's centre (Web Mercator, 512-px tiles). */
export function metersPerPixelAtCenter(map: MaplibreMap): number {
  const c = map.getCenter();
  return (40_075_016.686 * Math.cos((c.lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
}

/**
 * Reads both canvases right after a frame is drawn (no preserveDrawingBuffer needed on MapLibre's)
 * and encodes the PNG off the main thread (toBlob, not the blocking toDataURL).
 */
export function captureImage(map: MaplibreMap, overlay: MapboxOverlay, metersPerPixel: number): Promise<MapImage | null> {
  return new Promise((resolve) => {
    map.once('render', () => {
      try {
        const base = map.getCanvas();
        const out = document.createElement('canvas');
        out.width = base.width;
        out.height = base.height;
        const ctx = out.getContext('2d');
        if (!ctx) return resolve(null);
        ctx.drawImage(base, 0, 0);
        const deckCanvas = overlay.getCanvas();
        if (deckCanvas) ctx.drawImage(deckCanvas, 0, 0, out.width, out.height);
        const container = map.getContainer();
        const b = map.getBounds();
        const size = { widthCssPixels: container.clientWidth, heightCssPixels: container.clientHeight, metersPerPixel, bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as [number, number, number, number] };
        out.toBlob((blob) => resolve(blob ? { url: URL.createObjectURL(blob), ...size } : null), 'image/png');
      } catch {
        resolve(null);
      }
    });
    map.triggerRepaint();
  });
}

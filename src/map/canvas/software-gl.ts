import type { Map as MaplibreMap } from 'maplibre-gl';

/**
 * Whether the map is drawn by a software WebGL renderer: Chrome's SwiftShader (used when a PC's GPU
 * or driver is blocklisted, in VMs and remote desktops — common on office PCs), Mesa's llvmpipe /
 * softpipe, Windows' WARP ("Microsoft Basic Render Driver"). There a frame of this map costs
 * 100–300 ms of CPU, so an animated flight of ~10 frames holds the page in long tasks and stutters;
 * MapCanvas jumps instead, as it does for prefers-reduced-motion.
 */
export function isSoftwareRenderer(renderer: string | null | undefined): boolean {
  return !!renderer && /swiftshader|llvmpipe|softpipe|software rasterizer|microsoft basic render driver/i.test(renderer);
}

/**
 * Whether the renderer is SwiftShader in particular: the one renderer whose compiled vertex
 * routines depend on the draws before them (vertex-input-reset.ts).
 */
export function isSwiftShader(renderer: string | null | undefined): boolean {
  return !!renderer && /swiftshader/i.test(renderer);
}

/** The unmasked renderer string of a WebGL context (null where the browser does not tell). */
export function rendererOf(gl: WebGLRenderingContext | WebGL2RenderingContext | null): string | null {
  if (!gl) return null;
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  } catch {
    return null;
  }
}

/**
 * Labels appear at once instead of fading in over 300 ms (MapLibre's `fadeDuration`): each fade
 * repaints the whole map for its duration, and on software WebGL each of those frames is a task of
 * ~100 ms or more, after every zoom, move or tile load. `fadeDuration` is a constructor option and
 * the renderer is only known once the map's context exists, so this sets MapLibre's own field
 * (`_fadeDuration`, read at every frame in MapLibre 6); where a later MapLibre has no such field,
 * nothing is changed and labels keep fading.
 */
export function withoutLabelFades(map: MaplibreMap): boolean {
  const fields = map as unknown as { _fadeDuration?: unknown };
  if (typeof fields._fadeDuration !== 'number') return false;
  fields._fadeDuration = 0;
  return true;
}

/**
 * How much of the CSS pixels the map and its overlay draw on software WebGL unless the user asked
 * for a sharp map: 0.75 of each side, 56 % of the pixels. A software frame's cost grows with its
 * pixels, and with Chrome's software compositor the page waits for each frame to be read back:
 * measured in the duty view (README, "A map an officer can read"), the longest tasks of a zoom,
 * a move and the print view fell to about half. Labels and icons are then upscaled, a little soft.
 */
export const SOFTWARE_GL_PIXEL_SCALE = 0.75;

/** The drawing buffer's pixels per CSS pixel: the device's, or fewer on software WebGL (see above). */
export function drawingPixelRatio(devicePixelRatio: number, software: boolean, sharp: boolean): number {
  const device = devicePixelRatio > 0 ? devicePixelRatio : 1;
  return software && !sharp ? Math.min(device, 1) * SOFTWARE_GL_PIXEL_SCALE : device;
}

const SHARP_MAP_KEY = 'onemap.sharpMap';

/** Whether this browser's user chose the sharp (full-resolution) map on software WebGL; kept in localStorage. */
export function sharpMapChosen(): boolean {
  try {
    return localStorage.getItem(SHARP_MAP_KEY) === '1';
  } catch {
    return false; // storage blocked (private mode, policy): the default
  }
}

export function chooseSharpMap(sharp: boolean): void {
  try {
    if (sharp) localStorage.setItem(SHARP_MAP_KEY, '1');
    else localStorage.removeItem(SHARP_MAP_KEY);
  } catch {
    /* storage blocked: the choice lasts for this page only */
  }
}

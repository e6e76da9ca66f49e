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

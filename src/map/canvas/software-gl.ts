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

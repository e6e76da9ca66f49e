import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawingPixelRatio, isSoftwareRenderer, SOFTWARE_GL_PIXEL_SCALE, withoutLabelFades } from '../../src/map/canvas/software-gl';

describe('software WebGL renderer detection', () => {
  it('knows SwiftShader, llvmpipe, softpipe and WARP', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareRenderer('Google SwiftShader')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Mesa softpipe')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(true);
  });
  it('does not take a hardware GPU or an unknown renderer for software', () => {
    expect(isSoftwareRenderer('ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareRenderer('Apple M1')).toBe(false);
    expect(isSoftwareRenderer('WebKit WebGL')).toBe(false);
    expect(isSoftwareRenderer(null)).toBe(false);
    expect(isSoftwareRenderer('')).toBe(false);
  });
});

describe('labels without fades on software WebGL', () => {
  it('sets MapLibre\'s per-frame fade field to 0 and says so; leaves a map without that field alone', () => {
    const map = { _fadeDuration: 300 };
    expect(withoutLabelFades(map as never)).toBe(true);
    expect(map._fadeDuration).toBe(0);
    const other = { fadeMs: 300 };
    expect(withoutLabelFades(other as never)).toBe(false);
    expect(other).toEqual({ fadeMs: 300 });
  });
  it('the installed MapLibre still declares the field (an upgrade that drops it would silently keep the fades)', () => {
    const types = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../node_modules/maplibre-gl/dist/maplibre-gl.d.ts'), 'utf8');
    expect(types).toMatch(/\b_fadeDuration: number;/);
  });
});

describe('the drawing buffer on software WebGL', () => {
  it('draws 0.75 of the CSS pixels on software WebGL unless the sharp map is chosen; the device ratio otherwise', () => {
    expect(SOFTWARE_GL_PIXEL_SCALE).toBe(0.75);
    expect(drawingPixelRatio(1, true, false)).toBe(0.75);
    expect(drawingPixelRatio(1, true, true)).toBe(1);
    // a high-DPI screen on software WebGL: at most 0.75 of the CSS pixels, not 0.75 of the device's
    expect(drawingPixelRatio(2, true, false)).toBe(0.75);
    expect(drawingPixelRatio(2, true, true)).toBe(2);
    expect(drawingPixelRatio(2, false, false)).toBe(2);
    expect(drawingPixelRatio(1.25, false, true)).toBe(1.25);
    expect(drawingPixelRatio(0, false, false)).toBe(1);
  });
});

import { describe, expect, test } from 'vitest';
import { isSwiftShader } from '../../src/map/canvas/software-gl';
import { resetVertexShaderSource, steadyVertexInputs } from '../../src/map/canvas/vertex-input-reset';

/** A WebGL2 context stand-in that logs every call the wrapper makes or passes on. */
function fakeGl(options: { linkOk?: boolean; activeAttributes?: number } = {}) {
  const log: string[] = [];
  let lost = false;
  let n = 0;
  const object = (kind: string) => ({ kind, id: ++n });
  const name = (o: unknown) => {
    const x = o as { kind?: string; id?: number } | null;
    return x && typeof x === 'object' && x.kind ? `${x.kind}${x.id}` : String(o);
  };
  const gl = {
    POINTS: 0, TRIANGLES: 4, VERTEX_SHADER: 35633, FRAGMENT_SHADER: 35632, MAX_VERTEX_ATTRIBS: 34921,
    CURRENT_PROGRAM: 35725, VERTEX_ARRAY_BINDING: 34229, LINK_STATUS: 35714, ACTIVE_ATTRIBUTES: 35721,
    getParameter: (p: number) => (p === 34921 ? 16 : null),
    getProgramParameter: (_: unknown, p: number) => (p === 35714 ? options.linkOk ?? true : options.activeAttributes ?? 16),
    isContextLost: () => lost,
    createShader: () => object('shader'),
    shaderSource: () => {},
    compileShader: () => {},
    createProgram: () => object('program'),
    createVertexArray: () => object('vao'),
    attachShader: () => {},
    bindAttribLocation: () => {},
    linkProgram: () => log.push('link'),
    deleteShader: () => {},
    deleteProgram: (p: unknown) => log.push(`deleteProgram ${name(p)}`),
    deleteVertexArray: (v: unknown) => log.push(`deleteVertexArray ${name(v)}`),
    useProgram: (p: unknown) => log.push(`useProgram ${name(p)}`),
    bindVertexArray: (v: unknown) => log.push(`bindVertexArray ${name(v)}`),
    drawArrays: (...a: unknown[]) => log.push(`drawArrays ${a.join(',')}`),
    drawElements: (...a: unknown[]) => log.push(`drawElements ${a.join(',')}`),
    drawArraysInstanced: (...a: unknown[]) => log.push(`drawArraysInstanced ${a.join(',')}`),
    drawElementsInstanced: (...a: unknown[]) => log.push(`drawElementsInstanced ${a.join(',')}`),
    drawRangeElements: (...a: unknown[]) => log.push(`drawRangeElements ${a.join(',')}`),
  };
  return { gl, log, object, loseContext: (v: boolean) => (lost = v) };
}

describe('steady vertex inputs (SwiftShader)', () => {
  test('every draw is preceded by one reset point, and the program and vertex array are put back', () => {
    const { gl, log, object } = fakeGl();
    steadyVertexInputs(gl as unknown as WebGL2RenderingContext);
    const program = object('app-program');
    const vao = object('app-vao');
    gl.useProgram(program);
    gl.bindVertexArray(vao);
    log.length = 0;
    gl.drawElements(4, 6, 5123, 0);
    gl.drawElements(4, 3, 5123, 12);
    // the reset program and vertex array were made at the first draw (ids 3–6: two shaders, program, vao)
    const reset = log.slice(log.indexOf('link') + 1, log.indexOf('link') + 4);
    expect(reset).toEqual(['useProgram program5', 'bindVertexArray vao6', 'drawArrays 0,0,1']);
    expect(log.filter((l) => l !== 'link')).toEqual([
      'useProgram program5', 'bindVertexArray vao6', 'drawArrays 0,0,1', `bindVertexArray app-vao2`, `useProgram app-program1`, 'drawElements 4,6,5123,0',
      'useProgram program5', 'bindVertexArray vao6', 'drawArrays 0,0,1', `bindVertexArray app-vao2`, `useProgram app-program1`, 'drawElements 4,3,5123,12',
    ]);
  });

  test('all five draw calls are wrapped; the reset is built once', () => {
    const { gl, log } = fakeGl();
    steadyVertexInputs(gl as unknown as WebGL2RenderingContext);
    gl.drawArrays(4, 0, 3);
    gl.drawElements(4, 3, 5123, 0);
    gl.drawArraysInstanced(4, 0, 3, 10);
    gl.drawElementsInstanced(4, 3, 5123, 0, 10);
    gl.drawRangeElements(4, 0, 2, 3, 5123, 0);
    expect(log.filter((l) => l === 'drawArrays 0,0,1')).toHaveLength(5);
    expect(log.filter((l) => l === 'link')).toHaveLength(1);
  });

  test('a reset program that does not link (or drops inputs) leaves the draws as they were', () => {
    for (const opts of [{ linkOk: false }, { activeAttributes: 15 }]) {
      const { gl, log } = fakeGl(opts);
      steadyVertexInputs(gl as unknown as WebGL2RenderingContext);
      gl.drawArrays(4, 0, 3);
      gl.drawArrays(4, 0, 6);
      expect(log.filter((l) => l.startsWith('draw'))).toEqual(['drawArrays 4,0,3', 'drawArrays 4,0,6']);
      expect(log.filter((l) => l === 'link')).toHaveLength(1); // not tried again at every draw
      expect(log.some((l) => l.startsWith('deleteProgram'))).toBe(true);
    }
  });

  test('no reset while the context is lost; after a loss the program is built again', () => {
    const { gl, log, loseContext } = fakeGl();
    const canvas = new EventTarget() as unknown as HTMLCanvasElement;
    steadyVertexInputs(gl as unknown as WebGL2RenderingContext, canvas);
    gl.drawArrays(4, 0, 3);
    loseContext(true);
    canvas.dispatchEvent(new Event('webglcontextlost'));
    log.length = 0;
    gl.drawArrays(4, 0, 3);
    expect(log).toEqual(['drawArrays 4,0,3']);
    loseContext(false);
    gl.drawArrays(4, 0, 3);
    expect(log.filter((l) => l === 'link')).toHaveLength(1);
    expect(log.at(-1)).toBe('drawArrays 4,0,3');
    expect(log).toContain('drawArrays 0,0,1');
  });

  test('undoing puts the context\'s own functions back and frees the reset program', () => {
    const { gl, log } = fakeGl();
    const own = { useProgram: gl.useProgram, bindVertexArray: gl.bindVertexArray, drawArrays: gl.drawArrays, drawElementsInstanced: gl.drawElementsInstanced };
    const undo = steadyVertexInputs(gl as unknown as WebGL2RenderingContext);
    expect(gl.drawArrays).not.toBe(own.drawArrays);
    gl.drawArrays(4, 0, 3);
    undo();
    expect(gl.useProgram).toBe(own.useProgram);
    expect(gl.bindVertexArray).toBe(own.bindVertexArray);
    expect(gl.drawArrays).toBe(own.drawArrays);
    expect(gl.drawElementsInstanced).toBe(own.drawElementsInstanced);
    expect(log.filter((l) => l.startsWith('delete'))).toEqual(['deleteProgram program3', 'deleteVertexArray vao4']);
  });

  test('the reset shader reads every location, so none is left as an earlier draw set it', () => {
    const src = resetVertexShaderSource(16);
    const inputs = [...src.matchAll(/^in vec4 (a\d+);$/gm)].map((m) => m[1]);
    expect(inputs).toEqual(Array.from({ length: 16 }, (_, i) => `a${i}`));
    const body = src.slice(src.indexOf('void main'));
    for (const a of inputs) expect(body).toMatch(new RegExp(`\\b${a}\\b`));
    // the point is outside the clip volume (x = y = z = 2 > w = 1)
    expect(body).toContain('vec4(2.0, 2.0, 2.0, 1.0)');
  });

  test('only SwiftShader renderer strings are matched', () => {
    expect(isSwiftShader('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSwiftShader('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(false);
    expect(isSwiftShader('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSwiftShader(null)).toBe(false);
  });
});

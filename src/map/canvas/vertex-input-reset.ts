/**
 * Steady vertex-input state on SwiftShader, so that a map frame does not JIT-compile again what an
 * earlier frame already compiled.
 *
 * Why (measured for issue 6, 2026-12-02): on Chrome's software WebGL (ANGLE on SwiftShader's Vulkan)
 * a zoom or a move to a new place often had one frame of 250–550 ms in which the GPU process grew
 * its JIT code by ~280 KB (`memfd:swiftshader_jit` in its memory map) while its queue thread ran in
 * SwiftShader's compiler; the same views drawn again later cost ~100 ms. SwiftShader keys each
 * compiled vertex routine on the formats of *all* vertex-input locations (`VertexProcessor::update`).
 * ANGLE sets them with `vkCmdSetVertexInputEXT` for the current program's attributes only, and
 * SwiftShader keeps the other locations as the draws before it in the same submission left them
 * (`Inputs::setVertexInputBinding`). So one program drawn after another sequence of draws — the
 * clusters gone at zoom 15, other basemap layers in view at a new place, a submission that ANGLE
 * split in the middle of a frame — gets a new key, and the frame waits for a new compile.
 *
 * What this does: before every draw, one draw of a program whose inputs are every location
 * 0…MAX_VERTEX_ATTRIBS−1 (one point, outside the clip volume: nothing is drawn), so every location
 * holds the same format again and a draw's compiled state depends on its own program and attributes
 * only. Measured and not kept: resetting only when the program changes, or only in frames that
 * upload (the recompiles came back: ANGLE's submissions do not follow the page's frames), and the
 * reset drawn with RASTERIZER_DISCARD on (recompiles came back as well). Only on
 * SwiftShader, the one renderer known to key this way. The program and vertex array are put back as
 * found, so MapLibre's and luma.gl's state caches stay true. (Which renderer it is: `isSwiftShader`
 * in software-gl.ts.)
 */

type DrawName = 'drawArrays' | 'drawElements' | 'drawArraysInstanced' | 'drawElementsInstanced' | 'drawRangeElements';
const DRAWS: readonly DrawName[] = ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced', 'drawRangeElements'];
type AnyFunction = (...args: unknown[]) => unknown;

/** The vertex shader of the reset draw: every location 0…n−1 is an active `vec4` input. */
export function resetVertexShaderSource(attributeCount: number): string {
  const names = Array.from({ length: attributeCount }, (_, i) => `a${i}`);
  // step(1e30, |sum|) is 0 for any real input, but the compiler cannot know it: no input is dropped.
  return [
    '#version 300 es',
    ...names.map((n) => `in vec4 ${n};`),
    `void main() { vec4 s = ${names.join(' + ') || 'vec4(0.0)'}; gl_Position = vec4(2.0, 2.0, 2.0, 1.0) + step(1e30, abs(s)); gl_PointSize = 1.0; }`,
  ].join('\n');
}
const RESET_FRAGMENT_SHADER = '#version 300 es\nprecision mediump float;\nout vec4 color;\nvoid main() { color = vec4(0.0); }';

interface ResetResources {
  program: WebGLProgram;
  vertexArray: WebGLVertexArrayObject;
}

function buildReset(gl: WebGL2RenderingContext): ResetResources | null {
  const attributeCount = Number(gl.getParameter(gl.MAX_VERTEX_ATTRIBS)) || 16;
  const compile = (type: number, source: string) => {
    const shader = gl.createShader(type);
    if (!shader) return null;
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    return shader;
  };
  const vs = compile(gl.VERTEX_SHADER, resetVertexShaderSource(attributeCount));
  const fs = compile(gl.FRAGMENT_SHADER, RESET_FRAGMENT_SHADER);
  const program = gl.createProgram();
  const vertexArray = gl.createVertexArray();
  if (!vs || !fs || !program || !vertexArray) return null;
  gl.attachShader(program, vs);
  gl.attachShader(program, fs);
  for (let i = 0; i < attributeCount; i++) gl.bindAttribLocation(program, i, `a${i}`);
  gl.linkProgram(program);
  gl.deleteShader(vs);
  gl.deleteShader(fs);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS) || Number(gl.getProgramParameter(program, gl.ACTIVE_ATTRIBUTES)) !== attributeCount) {
    gl.deleteProgram(program);
    gl.deleteVertexArray(vertexArray);
    return null;
  }
  return { program, vertexArray };
}

/**
 * Wraps the draw calls of one WebGL2 context (see above); returns a function that puts the
 * context's own calls back and frees what it made. Where the reset program cannot be built the
 * context draws as before. After a lost context the program is built again at the next draw.
 */
export function steadyVertexInputs(gl: WebGL2RenderingContext, canvas?: HTMLCanvasElement): () => void {
  const slots = gl as unknown as Record<string, AnyFunction>;
  const wrapped = ['useProgram', 'bindVertexArray', ...DRAWS].filter((name) => typeof slots[name] === 'function');
  const native = Object.fromEntries(wrapped.map((name) => [name, slots[name]!])) as Record<string, AnyFunction>;
  const callNative = (name: string, ...args: unknown[]) => native[name]!.apply(gl, args);

  // The context's current program and vertex array, followed through its own calls.
  let currentProgram = gl.getParameter(gl.CURRENT_PROGRAM) as WebGLProgram | null;
  let currentVertexArray = gl.getParameter(gl.VERTEX_ARRAY_BINDING) as WebGLVertexArrayObject | null;
  let resources: ResetResources | null = null;
  let unavailable = false;

  const reset = () => {
    if (unavailable || gl.isContextLost()) return;
    resources ??= buildReset(gl);
    if (!resources) {
      unavailable = true;
      return;
    }
    callNative('useProgram', resources.program);
    callNative('bindVertexArray', resources.vertexArray);
    callNative('drawArrays', gl.POINTS, 0, 1);
    callNative('bindVertexArray', currentVertexArray);
    callNative('useProgram', currentProgram);
  };

  slots.useProgram = function (program: unknown) {
    currentProgram = program as WebGLProgram | null;
    return callNative('useProgram', program);
  };
  slots.bindVertexArray = function (vertexArray: unknown) {
    currentVertexArray = vertexArray as WebGLVertexArrayObject | null;
    return callNative('bindVertexArray', vertexArray);
  };
  for (const name of DRAWS) {
    if (!native[name]) continue;
    slots[name] = function (...args: unknown[]) {
      reset();
      return callNative(name, ...args);
    };
  }

  const onLost = () => {
    resources = null;
    unavailable = false;
    currentProgram = null;
    currentVertexArray = null;
  };
  canvas?.addEventListener('webglcontextlost', onLost);

  return () => {
    canvas?.removeEventListener('webglcontextlost', onLost);
    for (const name of wrapped) slots[name] = native[name]!;
    if (resources && !gl.isContextLost()) {
      gl.deleteProgram(resources.program);
      gl.deleteVertexArray(resources.vertexArray);
    }
    resources = null;
  };
}

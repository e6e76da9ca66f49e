// What the page's long tasks hold, from a Chromium trace (devtools.timeline categories): for each
// task on the page's main thread over a limit, how much of it the thread spent blocked on the GPU
// process (CommandBufferProxyImpl::WaitForGetOffset: a WebGL frame read back at the compositor's
// commit, a readPixels for picking, a shader's link status — SwiftShader's software GL doing the
// work), in garbage collection, and the rest (JavaScript, style, layout, paint).
import { readFileSync } from 'node:fs';

const GPU_WAIT = 'CommandBufferProxyImpl::WaitForGetOffset';
const GC = new Set(['MajorGC', 'MinorGC', 'V8.GC_MC_INCREMENTAL', 'V8.GCFinalizeMC', 'V8.GCScavenger', 'V8.GC_SCAVENGER_SCAVENGE_PARALLEL_PHASE']);

/** @returns {{ tasks: Array<{ startMs: number, ms: number, gpuWaitMs: number, gcMs: number, otherMs: number, waits: Record<string, number> }> }} */
export function longTasksFromTrace(file, minMs = 200) {
  const trace = JSON.parse(readFileSync(file, 'utf8'));
  const events = trace.traceEvents ?? trace;
  const threadName = new Map();
  for (const e of events) if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name);
  const busy = new Map();
  for (const e of events) if (e.ph === 'X' && e.name === 'RunTask' && threadName.get(`${e.pid}:${e.tid}`) === 'CrRendererMain') busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  // the page's main thread: the renderer main thread that ran the most
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const on = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const t0 = on[0]?.ts ?? 0;
  const tasks = [];
  let i = 0;
  for (const task of on) {
    if (task.name !== 'RunTask' || task.dur < minMs * 1000) continue;
    const end = task.ts + task.dur;
    while (i < on.length && on[i].ts < task.ts) i++;
    let gpuWait = 0, gc = 0;
    const waits = {};
    const stack = [];
    for (let j = i; j < on.length && on[j].ts < end; j++) {
      const e = on[j];
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      if (e.name === GPU_WAIT) {
        gpuWait += e.dur;
        // what waited: the nearest named GL call or phase above it
        const why = [...stack].reverse().find((p) => /^GLES2|^Commit$|^FunctionCall$|^FireAnimationFrame$/.test(p.name) || p.name.startsWith('GLES2Implementation'));
        const key = why ? (why.name === 'FunctionCall' ? `script (${why.args?.data?.functionName || 'anonymous'})` : why.name) : 'other';
        waits[key] = (waits[key] ?? 0) + e.dur / 1000;
      } else if (GC.has(e.name) && !stack.some((p) => GC.has(p.name))) gc += e.dur;
      stack.push(e);
    }
    tasks.push({ startMs: (task.ts - t0) / 1000, ms: task.dur / 1000, gpuWaitMs: gpuWait / 1000, gcMs: gc / 1000, otherMs: (task.dur - gpuWait - gc) / 1000, waits });
  }
  return { tasks };
}

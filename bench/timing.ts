/**
 * Timing helpers and the seeded PRNG shared by every benchmark. Times are wall-clock
 * (`process.hrtime.bigint`), reported in milliseconds.
 */
import { readFileSync } from 'node:fs';
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks';
import { createRng } from '../scripts/demo/prng';

/** mulberry32, seeded: the demo generator's PRNG (scripts/demo/prng.ts), one implementation in the repo. */
export function mulberry32(seed: number): () => number {
  return createRng(seed).next;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs fn once and returns [result, milliseconds]. */
export function timeOnce<T>(fn: () => T): [T, number] {
  const t0 = nowMs();
  const r = fn();
  return [r, nowMs() - t0];
}

/**
 * Counts the process's major GCs (mark-compact) as Node reports them (perf_hooks 'gc' entries).
 * Entries arrive asynchronously: `settled()` waits one macrotask and returns the count so far, so
 * `settled() - count()` taken around a synchronous call is the major GCs that ran inside it.
 */
export function majorGcCounter(): { count: () => number; settled: () => Promise<number>; stop: () => void } {
  let major = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if ((e as { detail?: { kind?: number } }).detail?.kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) major++;
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    count: () => major,
    settled: () => new Promise((resolve) => setImmediate(() => resolve(major))),
    stop: () => observer.disconnect(),
  };
}

/** Runs fn once and returns [result, wall milliseconds, CPU milliseconds of this process]. */
export function timeOnceCpu<T>(fn: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = nowMs();
  const r = fn();
  const ms = nowMs() - t0;
  const c = process.cpuUsage(c0);
  return [r, ms, (c.user + c.system) / 1000];
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

export interface Sampled {
  readonly samples: number[];
  readonly median: number;
  /** median CPU time (user + system of this process) of the timed runs: what load on a shared machine does not inflate */
  readonly cpuMedian: number;
  readonly min: number;
  readonly max: number;
}

/** A full garbage collection when Node runs with --expose-gc (run.ts arranges it), else nothing. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * `warmup` untimed runs, then `runs` timed runs of fn (called with the run index, warm-ups with
 * negative ones); median of the timed runs. `onRun` is told each timing (progress output).
 * No forced GC between runs: a full collection before each run was measured to triple the time of
 * an allocation-heavy ~8 ms run (fresh pages for its typed arrays), i.e. not the steady state.
 */
export function sample(fn: (i: number) => unknown, runs: number, warmup = 0, onRun?: (ms: number, i: number) => void): Sampled {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const samples: number[] = [], cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = nowMs();
    fn(i);
    const ms = nowMs() - t0;
    const c = process.cpuUsage(c0);
    samples.push(ms);
    cpu.push((c.user + c.system) / 1000);
    onRun?.(ms, i);
  }
  return { samples, median: median(samples), cpuMedian: median(cpu), min: Math.min(...samples), max: Math.max(...samples) };
}

/** A duration in the unit that reads best. */
export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

export function fmtRatio(r: number): string {
  if (!Number.isFinite(r)) return String(r);
  return r >= 100 ? `${Math.round(r).toLocaleString('en-US')}×` : `${r.toFixed(1)}×`;
}

export function fmtInt(n: number): string {
  return n.toLocaleString('en-US');
}

/** The 1-minute load average (`uptime`'s first figure), or '?' where /proc is missing. */
export function loadAverage1(): string {
  try { return readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!; } catch { return '?'; }
}

/**
 * A progress line on stdout, stamped with the seconds since the run began and the 1-minute load
 * average at that moment (the machine may be shared: a figure is read beside its load).
 */
const started = nowMs();
export function log(msg: string): void {
  const s = ((nowMs() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[${s}s load ${loadAverage1()}] ${msg}`);
}

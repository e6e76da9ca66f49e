/**
 * Bar chart per township (covered and not covered population), ECharts' tree-shaken core: the
 * bar chart, grid, tooltip and legend components and the canvas renderer only. Loaded lazily by
 * the planner view, so no other view pays for it.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import type { TownshipCoverageRow } from './state/tables';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

interface Props {
  rows: readonly TownshipCoverageRow[];
  labels: { covered: string; uncovered: string };
  onPick: (townshipId: string) => void;
}

export default function TownshipChart({ rows, labels, onPick }: Props) {
  const el = useRef<HTMLDivElement | null>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  // ECharts builds its chart in a task of its own (not inside the click or render that showed it),
  // so no single main-thread task carries both React's work and the chart's.
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    let c: echarts.ECharts | null = null, observer: ResizeObserver | null = null;
    const timer = setTimeout(() => {
      c = echarts.init(node, undefined, { renderer: 'canvas' });
      chart.current = c;
      c.on('click', (params) => {
        const id = (params.data as { townshipId?: string } | undefined)?.townshipId;
        if (id) pick.current(id);
      });
      observer = new ResizeObserver(() => c?.resize());
      observer.observe(node);
      setReady(true);
    }, 0);
    return () => { clearTimeout(timer); observer?.disconnect(); c?.dispose(); chart.current = null; };
  }, []);

  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(() => {
      const sorted = [...rows].sort((a, b) => a.coveredShare - b.coveredShare);
      chart.current?.setOption({
        animation: false,
        grid: { left: 70, right: 12, top: 28, bottom: 20 },
        legend: { data: [labels.covered, labels.uncovered], top: 0, textStyle: { fontSize: 11 } },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', axisLabel: { fontSize: 10 } },
        yAxis: { type: 'category', data: sorted.map((r) => r.township), axisLabel: { fontSize: 10 } },
        series: [
          { name: labels.covered, type: 'bar', stack: 'p', itemStyle: { color: '#3182bd' }, data: sorted.map((r) => ({ value: r.coveredPopulation, townshipId: r.townshipId })) },
          { name: labels.uncovered, type: 'bar', stack: 'p', itemStyle: { color: '#d7301f' }, data: sorted.map((r) => ({ value: r.uncoveredPopulation, townshipId: r.townshipId })) },
        ],
      }, { notMerge: true });
    }, 0);
    return () => clearTimeout(timer);
  }, [ready, rows, labels]);

  return <div ref={el} className="planner-chart" data-testid="planner-chart" data-bars={rows.length} role="img" aria-label={labels.covered} />;
}

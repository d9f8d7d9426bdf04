/** A small ECharts wrapper: the modules we use only, one palette everywhere, resize and click-through. */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

/** The palette of every chart (STYLE.md: the same palette everywhere). */
export const PALETTE = ['#1d5fbf', '#2fa866', '#f0a020', '#c8102e', '#7b52c8', '#14a3b8', '#e0663d', '#8c8c8c'];

export type ChartOption = echarts.EChartsCoreOption;

/** Renders `option`; `onClick` receives the clicked item's name and data. */
export function EChart({ option, label, height = 300, onClick }: { option: ChartOption; label: string; height?: number; onClick?: (p: { name: string; data: unknown; seriesName?: string }) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.({ name: String(p.name), data: p.data, seriesName: p.seriesName }));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ color: PALETTE, aria: { enabled: true }, textStyle: { fontFamily: 'inherit' }, ...option }, true);
  }, [option]);

  return <div ref={el} role="img" aria-label={label} style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined }} />;
}

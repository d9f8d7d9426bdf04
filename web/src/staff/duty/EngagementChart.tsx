/** 互动趋势: likes, shares and comments over time (views on their own axis), for a post or a whole story. */
import { Empty } from 'antd';
import { useMemo } from 'react';
import { formatTime } from '../../format';
import { EChart, type ChartOption } from '../EChart';
import type { EngagementPoint } from './types';

/** An axis time in Beijing time, as fine as the series needs: days → MM-DD HH:mm, an hour → HH:mm, minutes → HH:mm:ss. */
function axisTime(ms: number, span: number): string {
  const iso = new Date(ms + 8 * 3600_000).toISOString();
  if (span >= 86_400_000) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  return span >= 3_600_000 ? iso.slice(11, 16) : iso.slice(11, 19);
}

export function EngagementChart({ points, label }: { points: EngagementPoint[]; label: string }) {
  const option = useMemo<ChartOption>(() => {
    const times = points.map((p) => new Date(p.observedAt).getTime());
    const span = times.length > 1 ? Math.max(...times) - Math.min(...times) : 0;
    // A time axis: observations seconds apart (a post pushed twice) stay apart, hours apart stay to scale.
    const series = (name: string, key: keyof EngagementPoint, yAxisIndex = 0) => ({
      name,
      type: 'line',
      yAxisIndex,
      showSymbol: points.length < 30,
      data: points.map((p) => [new Date(p.observedAt).getTime(), Number(p[key])]),
    });
    return {
      tooltip: { trigger: 'axis', axisPointer: { label: { formatter: (p: { value: number }) => formatTime(new Date(p.value).toISOString()) } } },
      legend: { data: ['点赞', '转发', '评论', '浏览'], top: 0 },
      grid: { left: 48, right: 56, top: 32, bottom: 28 },
      xAxis: { type: 'time', splitNumber: 4, minInterval: span < 3_600_000 ? 1000 : 60_000, axisLabel: { hideOverlap: true, formatter: (v: number) => axisTime(v, span) } },
      yAxis: [
        { type: 'value', name: '互动', minInterval: 1 },
        { type: 'value', name: '浏览', minInterval: 1, splitLine: { show: false } },
      ],
      series: [series('点赞', 'likes'), series('转发', 'shares'), series('评论', 'comments'), { ...series('浏览', 'views', 1), lineStyle: { type: 'dashed' } }],
    };
  }, [points]);
  if (points.length === 0) return <Empty description="暂无互动数据" />;
  return <EChart option={option} height={220} label={label} />;
}

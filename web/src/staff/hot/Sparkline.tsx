/** A tiny inline trend line (SVG): a list of twenty issues stays light without twenty chart instances. */
import { PALETTE } from '../EChart';
import type { TrendPoint } from './types';

/** Counts per period as a polyline with a dot at the last point (words for a single period); the title says it in words. */
export function Sparkline({ trend, bucket, width = 120, height = 28 }: { trend: TrendPoint[]; bucket: 'day' | 'week'; width?: number; height?: number }) {
  const counts = trend.map((p) => p.count);
  const max = Math.max(1, ...counts);
  const step = counts.length > 1 ? (width - 4) / (counts.length - 1) : 0;
  const points = counts.map((c, i) => [2 + i * step, height - 2 - (c / max) * (height - 4)] as const);
  const last = points[points.length - 1];
  const unit = bucket === 'day' ? '日' : '周';
  const text = trend.length === 0 ? '无趋势数据' : `按${unit}统计：${trend.map((p) => `${p.period.slice(5)} ${p.count}件`).join('，')}`;
  // One period is not a line: say it in words instead of drawing a lone dot.
  if (trend.length === 1) {
    const only = trend[0] as TrendPoint;
    return <span className="ws-muted" title={text}>{`${only.period.slice(5)}：${only.count}件`}</span>;
  }
  return (
    <svg width={width} height={height} role="img" aria-label={text}>
      <title>{text}</title>
      {points.length > 1 && <polyline points={points.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke={PALETTE[0]} strokeWidth={1.5} />}
      {last && <circle cx={last[0]} cy={last[1]} r={2.5} fill={PALETTE[3]} />}
    </svg>
  );
}

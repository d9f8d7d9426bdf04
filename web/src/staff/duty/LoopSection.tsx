/**
 * 舆情闭环 on the leader's page: per month, how many monitored posts became appeals and how long
 * each step took (median and 90th percentile): posted → detected → dispatched → replied → resolved.
 */
import { Card, Col, Empty, Row, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useApi } from '../../useApi';
import { EChart, type ChartOption } from '../EChart';
import { DispatchedTable } from './DispatchedTable';
import { formatSeconds, LOOP_STEP_LABELS, LOOP_STEPS, type LoopMonth, type MeasuredLoop } from './types';

const HOUR = 3600;

/** The section; hidden (with its reason) for roles the loop is not for. */
export function LoopSection() {
  const loop = useApi<MeasuredLoop>('/api/monitor/loop', { months: 6 });
  const months = loop.data?.months ?? [];
  const hasAny = months.some((m) => m.dispatched > 0);

  // Minutes while the loop is quick, hours once any month's steps add up to more than three hours.
  const unit = useMemo(() => {
    const longest = Math.max(0, ...months.map((m) => LOOP_STEPS.reduce((n, s) => n + (m[s].median ?? 0), 0)));
    return longest > 3 * HOUR ? { name: '小时', seconds: HOUR } : { name: '分钟', seconds: 60 };
  }, [months]);

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [...LOOP_STEPS.map((s) => LOOP_STEP_LABELS[s]), '转办件数'], top: 0 },
      grid: { left: 56, right: 48, top: 56, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: [
        { type: 'value', name: `中位用时（${unit.name}）` },
        { type: 'value', name: '转办件数', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        ...LOOP_STEPS.map((s) => ({
          name: LOOP_STEP_LABELS[s],
          type: 'bar',
          stack: 'loop',
          barMaxWidth: 36,
          data: months.map((m) => (m[s].median === null ? null : Math.round((m[s].median / unit.seconds) * 100) / 100)),
        })),
        { name: '转办件数', type: 'line', yAxisIndex: 1, data: months.map((m) => m.dispatched) },
      ],
    }),
    [months, unit],
  );

  if (loop.error) {
    return (
      <Card size="small" title="舆情闭环" style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{loop.error.status === 403 ? '您的角色不查看舆情闭环数据。' : '舆情闭环数据加载失败。'}</Typography.Text>
      </Card>
    );
  }
  return (
    <Card size="small" title="舆情闭环" loading={loop.isLoading} style={{ marginTop: 16 }} data-testid="loop-section">
      <Typography.Paragraph type="secondary">近6个月监测帖文转为诉求后，各环节用时的中位数与90分位数（按转办月份，北京时间）：发帖→发现→转办→答复→办结。</Typography.Paragraph>
      {!hasAny ? (
        <Empty description="近6个月没有舆情转办的诉求。值班员在舆情值班台把帖文转为诉求后，用时会出现在这里。" />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <EChart option={option} height={300} label="近6个月舆情转办各环节中位用时堆叠柱状图与转办件数折线图" />
          </Col>
          <Col xs={24} xl={12}>
            <Table<LoopMonth>
              rowKey="month"
              size="small"
              pagination={false}
              dataSource={months}
              columns={[
                { title: '月份', dataIndex: 'month' },
                { title: '转办', dataIndex: 'dispatched', width: 60 },
                ...LOOP_STEPS.map((s) => ({
                  title: LOOP_STEP_LABELS[s],
                  key: s,
                  render: (_: unknown, m: LoopMonth) => (
                    <span title="中位数 / 90分位数">
                      {formatSeconds(m[s].median)}
                      <span className="ws-muted"> / {formatSeconds(m[s].p90)}</span>
                    </span>
                  ),
                })),
              ]}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              表中为 中位数 / 90分位数。
            </Typography.Text>
          </Col>
          <Col xs={24}>
            <DispatchedTable items={loop.data?.items ?? []} emptyText="没有转办记录" />
          </Col>
        </Row>
      )}
    </Card>
  );
}

/**
 * 热点专报 (/w/hot/:id): the special report of one hot issue — the summary written from the data,
 * the figures, the trend, units and statuses, and its appeals (each linking to the appeal page);
 * exportable as an Excel workbook.
 */
import { Alert, Button, Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatDate, formatTime } from '../../format';
import { useApi } from '../../useApi';
import { EChart, type ChartOption } from '../EChart';
import { ErrorState, PageHeader, StatusTag } from '../ui';
import type { HotIssueAppeal, HotIssueReport } from './types';

const CRUMBS = [
  { label: '工作台', to: '/w' },
  { label: '热点诉求', to: '/w/hot' },
];

/** The report page. */
export function HotIssueReportPage() {
  const { id } = useParams();
  const report = useApi<HotIssueReport>(id ? `/api/hot-issues/${encodeURIComponent(id)}` : null);
  const r = report.data;

  const trendOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: (r?.figures.trend ?? []).map((p) => p.period.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '诉求', type: 'bar', data: (r?.figures.trend ?? []).map((p) => p.count), barMaxWidth: 24 }],
    }),
    [r],
  );
  const unitOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: (r?.figures.units ?? []).slice(0, 8).map((u) => u.name), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{ name: '诉求', type: 'bar', data: (r?.figures.units ?? []).slice(0, 8).map((u) => u.count), barMaxWidth: 16, label: { show: true, position: 'right' } }],
    }),
    [r],
  );
  const statusOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}件（{d}%）' },
      legend: { type: 'scroll', orient: 'vertical', right: 8, top: 'middle' },
      series: [{ type: 'pie', radius: ['40%', '70%'], center: ['35%', '50%'], label: { show: false }, data: (r?.figures.statuses ?? []).map((s) => ({ name: s.name, value: s.count })) }],
    }),
    [r],
  );

  if (report.error || !id) {
    return (
      <>
        <PageHeader title="热点专报" crumbs={[...CRUMBS, { label: '专报' }]} />
        <ErrorState error={report.error} onRetry={report.reload} notFoundText="没有这个热点，或其中没有您可查看的诉求。" />
      </>
    );
  }

  const columns: ColumnsType<HotIssueAppeal> = [
    { title: '受理编号', dataIndex: 'trackingCode', width: 140, render: (code: string, a) => <Link to={`/w/appeals/${a.id}`} className="ws-code">{code}</Link> },
    { title: '标题', dataIndex: 'title', ellipsis: true },
    { title: '承办单位', dataIndex: 'unitName', width: 180, render: (u: string | null) => u ?? <span className="ws-muted">尚未交办</span> },
    { title: '状态', dataIndex: 'status', width: 120, render: (_: unknown, a) => <StatusTag status={a.status} label={a.statusLabel} /> },
    { title: '提交时间', dataIndex: 'createdAt', width: 150, render: (t: string) => <span className="ws-nowrap">{formatTime(t)}</span>, sorter: (a, b) => a.createdAt.localeCompare(b.createdAt) },
    { title: '办结时间', dataIndex: 'closedAt', width: 150, render: (t: string | null) => <span className="ws-nowrap">{formatTime(t)}</span> },
    { title: '点赞', dataIndex: 'supportCount', width: 64, align: 'right' },
    { title: '相似度', dataIndex: 'similarity', width: 76, align: 'right', render: (s: number) => s.toFixed(2) },
  ];
  const f = r?.figures;
  const rate = f && f.count > 0 ? Math.round((f.closed / f.count) * 100) : null;

  return (
    <>
      <PageHeader
        title={r ? `热点专报：${r.label}` : '热点专报'}
        crumbs={[...CRUMBS, { label: '专报' }]}
        extra={
          <Button type="primary" href={`/api/hot-issues/${encodeURIComponent(id)}/export.xlsx`} download disabled={!r}>
            导出Excel
          </Button>
        }
      >
        {r ? `生成于 ${formatTime(r.generatedAt)}（北京时间）` : '加载中…'}
      </PageHeader>
      {r && f && (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card title="摘要" size="small">
              <Typography.Paragraph style={{ marginBottom: 8 }}>{r.summary}</Typography.Paragraph>
              <div>
                {r.places.map((p) => (
                  <Tag key={p} color="blue">
                    {p}
                  </Tag>
                ))}
                {r.keywords.map((k) => (
                  <Tag key={k}>{k}</Tag>
                ))}
              </div>
              {f.count < r.size && <Alert style={{ marginTop: 8 }} type="info" showIcon message={`该热点共 ${r.size} 件诉求，您可查看其中 ${f.count} 件；以下统计按您可查看的诉求计算。`} />}
            </Card>
          </Col>
          {[
            { label: '诉求数', value: r.size },
            { label: '点赞（附议）', value: r.likes },
            { label: '热度', value: r.heat.toFixed(1) },
            { label: rate !== null ? `已办结（办结率${rate}%）` : '已办结', value: f.closed, suffix: `/ ${f.count}` },
            { label: '起止日期', value: f.firstDate ? `${formatDate(r.firstAt)} 至 ${formatDate(r.lastAt)}` : '—' },
          ].map((n) => (
            <Col key={n.label} xs={12} md={8} xl={n.label === '起止日期' ? 8 : 4}>
              <Card size="small">
                <Statistic title={n.label} value={n.value} suffix={n.suffix} valueStyle={n.label === '起止日期' ? { fontSize: 18 } : undefined} />
              </Card>
            </Col>
          ))}
          <Col xs={24} xl={12}>
            <Card title={f.bucket === 'day' ? '每日诉求' : '每周诉求（周一起）'} size="small">
              <EChart option={trendOption} label={`趋势：${f.trend.map((p) => `${p.period} ${p.count}件`).join('，')}`} height={240} />
            </Card>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Card title="承办单位" size="small">
              {f.units.length > 0 ? <EChart option={unitOption} label={`承办单位：${f.units.map((u) => `${u.name} ${u.count}件`).join('，')}`} height={240} /> : <Empty description="暂无" />}
            </Card>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Card title="办理状态" size="small">
              <EChart option={statusOption} label={`办理状态：${f.statuses.map((s) => `${s.name} ${s.count}件`).join('，')}`} height={240} />
            </Card>
          </Col>
          <Col span={24}>
            <Card title={`诉求清单（${r.appeals.length}件）`} size="small">
              <Table<HotIssueAppeal>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={r.appeals}
                pagination={r.appeals.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                scroll={{ x: 1000 }}
                locale={{ emptyText: '暂无可查看的诉求。' }}
              />
            </Card>
          </Col>
        </Row>
      )}
      {!r && report.isLoading && <Card loading />}
    </>
  );
}

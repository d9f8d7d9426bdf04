/**
 * 舆情简报 (/w/duty/briefs): the daily and weekly monitoring brief — volume by platform, the
 * negative share, the hottest negative stories, alerts by level and outcome, and the posts turned
 * into appeals with where they stand; each exportable as an Excel ledger.
 */
import { Button, Card, Col, DatePicker, Empty, Row, Segmented, Space, Statistic, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { withQuery } from '../../api';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';
import { EChart, type ChartOption } from '../EChart';
import { ErrorState, PageHeader } from '../ui';
import { DispatchedTable } from './DispatchedTable';
import { ALERT_STATUS_LABELS, LEVEL_COLORS, LEVEL_LABELS, PLATFORM_LABELS, type Brief } from './types';
import './duty.css';

type Kind = 'daily' | 'weekly';

/** ISO week (YYYY-Www) of a date: the week's Thursday decides the year. */
function isoWeek(d: Dayjs): string {
  const weekday = (d.day() + 6) % 7;
  const thursday = d.startOf('day').add(3 - weekday, 'day');
  const jan4 = dayjs(new Date(thursday.year(), 0, 4));
  const week1Monday = jan4.subtract((jan4.day() + 6) % 7, 'day');
  const n = Math.round(thursday.diff(week1Monday, 'day') / 7) + 1;
  return `${thursday.year()}-W${String(n).padStart(2, '0')}`;
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The page. */
export function BriefsPage() {
  const [kind, setKind] = useState<Kind>('daily');
  const [day, setDay] = useState<Dayjs>(() => dayjs());
  const query = kind === 'daily' ? { date: day.format('YYYY-MM-DD') } : { week: isoWeek(day) };
  const brief = useApi<Brief>(`/api/monitor/briefs/${kind}`, query);
  const b = brief.data;

  const platformOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['帖文', '负面'], top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: (b?.byPlatform ?? []).map((p) => PLATFORM_LABELS[p.platform] ?? p.platform) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '帖文', type: 'bar', barMaxWidth: 28, data: (b?.byPlatform ?? []).map((p) => p.posts) },
        { name: '负面', type: 'bar', barMaxWidth: 28, data: (b?.byPlatform ?? []).map((p) => p.negative), itemStyle: { color: '#c8102e' } },
      ],
    }),
    [b],
  );
  const dayOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['帖文', '负面', '预警'], top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: (b?.byDay ?? []).map((d) => d.date.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '帖文', type: 'line', data: (b?.byDay ?? []).map((d) => d.posts) },
        { name: '负面', type: 'line', data: (b?.byDay ?? []).map((d) => d.negative) },
        { name: '预警', type: 'line', data: (b?.byDay ?? []).map((d) => d.alerts) },
      ],
    }),
    [b],
  );

  const exportUrl = withQuery(`/api/monitor/briefs/${kind}/export.xlsx`, query);
  const t = b?.totals;
  return (
    <>
      <PageHeader
        title="舆情简报"
        crumbs={[{ label: '舆情值班台', to: '/w/duty' }, { label: '舆情简报' }]}
        extra={
          <Space wrap>
            <Segmented<Kind> value={kind} onChange={setKind} options={[{ value: 'daily', label: '日报' }, { value: 'weekly', label: '周报' }]} aria-label="简报类型" />
            <DatePicker
              aria-label={kind === 'daily' ? '选择日期' : '选择周'}
              picker={kind === 'daily' ? 'date' : 'week'}
              value={day}
              allowClear={false}
              onChange={(d) => d && setDay(d)}
              format={kind === 'daily' ? 'YYYY-MM-DD' : (d) => isoWeek(d)}
            />
            <Button href={exportUrl} download>
              导出Excel
            </Button>
          </Space>
        }
      >
        {b ? `统计时段：${formatTime(b.period.start)} 至 ${formatTime(b.period.end)}（北京时间）。` : '按北京时间统计。'}负面帖文指负面度不低于50%的帖文。
      </PageHeader>
      {brief.error ? (
        <ErrorState error={brief.error} onRetry={brief.reload} />
      ) : (
        <Row gutter={[16, 16]}>
          {[
            { label: '监测帖文', value: t?.posts },
            { label: '负面帖文', value: t?.negative },
            { label: '负面占比', value: t ? pct(t.negativeShare) : undefined },
            { label: '预警', value: t?.alerts },
            { label: '转为诉求', value: t?.dispatched },
            { label: '其中已办结', value: t?.dispatchedClosed },
          ].map((s) => (
            <Col key={s.label} xs={12} md={8} xl={4}>
              <Card size="small" loading={brief.isLoading}>
                <Statistic title={s.label} value={s.value ?? 0} />
              </Card>
            </Col>
          ))}
          <Col xs={24} lg={kind === 'weekly' ? 12 : 24}>
            <Card size="small" title="平台分布" loading={brief.isLoading}>
              {(b?.byPlatform ?? []).length === 0 ? (
                <Empty description="该时段没有监测到帖文" />
              ) : (
                <>
                  <EChart option={platformOption} height={220} label="各平台帖文数与负面帖文数柱状图" />
                  <Table
                    rowKey="platform"
                    size="small"
                    pagination={false}
                    dataSource={b?.byPlatform ?? []}
                    columns={[
                      { title: '平台', dataIndex: 'platform', render: (p: string) => PLATFORM_LABELS[p] ?? p },
                      { title: '帖文', dataIndex: 'posts' },
                      { title: '负面', dataIndex: 'negative' },
                      { title: '负面占比', dataIndex: 'negativeShare', render: pct },
                    ]}
                  />
                </>
              )}
            </Card>
          </Col>
          {kind === 'weekly' && (
            <Col xs={24} lg={12}>
              <Card size="small" title="每日趋势" loading={brief.isLoading}>
                <EChart option={dayOption} height={300} label="本周每日帖文、负面帖文和预警数量折线图" />
              </Card>
            </Col>
          )}
          <Col xs={24} lg={14}>
            <Card size="small" title="负面事件热度排行" loading={brief.isLoading}>
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={b?.topNegativeStories ?? []}
                locale={{ emptyText: '该时段没有负面事件' }}
                columns={[
                  { title: '事件', dataIndex: 'label' },
                  { title: '区域', dataIndex: 'regionName', width: 90, render: (v: string | null) => v ?? '—' },
                  { title: '帖文', dataIndex: 'postCount', width: 60 },
                  { title: '峰值热度', dataIndex: 'peakHeat', width: 90, render: (v: number) => v.toFixed(1) },
                  {
                    title: '预警',
                    key: 'alert',
                    width: 130,
                    render: (_: unknown, s: Brief['topNegativeStories'][number]) =>
                      s.alertLevel ? (
                        <Space size={2} className="ws-nowrap">
                          <Tag color={LEVEL_COLORS[s.alertLevel]}>{LEVEL_LABELS[s.alertLevel]}</Tag>
                          {s.alertStatus && <span>{ALERT_STATUS_LABELS[s.alertStatus]}</span>}
                        </Space>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title="预警处置" loading={brief.isLoading}>
              <Table
                rowKey="level"
                size="small"
                pagination={false}
                dataSource={b?.alerts.byLevel ?? []}
                columns={[
                  { title: '级别', dataIndex: 'level', render: (l: Brief['alerts']['byLevel'][number]['level']) => <Tag color={LEVEL_COLORS[l]}>{LEVEL_LABELS[l]}</Tag> },
                  { title: '合计', dataIndex: 'total' },
                  { title: '待处置', dataIndex: 'open' },
                  { title: '已处置', dataIndex: 'handled' },
                  { title: '无关', dataIndex: 'irrelevant' },
                  { title: '转诉求', dataIndex: 'dispatched' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title="转为诉求的帖文及办理情况" loading={brief.isLoading}>
              <DispatchedTable items={b?.dispatched ?? []} emptyText="该时段没有转为诉求的帖文" />
            </Card>
          </Col>
        </Row>
      )}
      <Link to="/w/duty" className="duty-back">
        返回舆情值班台
      </Link>
    </>
  );
}

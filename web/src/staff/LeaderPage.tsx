/**
 * 领导驾驶舱 (/w/leader): today's numbers and the trends (ECharts). Every number and every bar links
 * to the appeals behind it; instructions (批示) are written on the appeal page. Below, 舆情闭环: the
 * measured loop of monitored posts turned into appeals.
 */
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { formatDate } from '../format';
import type { Overview } from '../types';
import { useApi } from '../useApi';
import { LoopSection } from './duty/LoopSection';
import { EChart, type ChartOption } from './EChart';
import { ErrorState, PageHeader } from './ui';

/** The dashboard. */
export function LeaderPage() {
  const overview = useApi<Overview>('/api/stats/overview');
  const navigate = useNavigate();
  const today = formatDate(new Date());
  const o = overview.data;

  const trendOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: ['受理', '办结'], top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: (o?.trend ?? []).map((t) => t.date.slice(5, 10)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '受理', type: 'line', showSymbol: false, areaStyle: { opacity: 0.08 }, data: (o?.trend ?? []).map((t) => t.received) },
        { name: '办结', type: 'line', showSymbol: false, data: (o?.trend ?? []).map((t) => t.closed) },
      ],
    }),
    [o],
  );
  const categoryOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}件（{d}%）' },
      legend: { type: 'scroll', orient: 'vertical', right: 8, top: 'middle', formatter: (name: string) => `${name} ${o?.byCategory.find((c) => c.name === name)?.count ?? ''}件` },
      series: [{ type: 'pie', radius: ['40%', '70%'], center: ['32%', '50%'], data: (o?.byCategory ?? []).map((c) => ({ name: c.name, value: c.count, code: c.code })), label: { show: false } }],
    }),
    [o],
  );
  const regionOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 90, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: (o?.byRegion ?? []).map((r) => r.name), inverse: true },
      series: [{ type: 'bar', data: (o?.byRegion ?? []).map((r) => ({ value: r.count, code: r.code })), barMaxWidth: 18 }],
    }),
    [o],
  );

  if (overview.error) {
    return (
      <>
        <PageHeader title="领导驾驶舱" crumbs={[{ label: '工作台', to: '/w' }, { label: '领导驾驶舱' }]} />
        <ErrorState error={overview.error} onRetry={overview.reload} />
      </>
    );
  }

  const codeOf = (data: unknown) => (data && typeof data === 'object' && 'code' in data ? String((data as { code: unknown }).code) : null);
  const rate = o?.today.satisfactionRate;
  const numbers = [
    { label: '今日受理', value: o?.today.received, to: `/w/appeals?from=${today}&to=${today}` },
    { label: '今日办结', value: o?.today.closed, to: '/w/appeals?status=closed' },
    { label: '当前超期', value: o?.today.overdue, to: '/w/appeals?overdue=true', isAlarm: true },
    { label: '今日评价', value: o?.today.rated, to: '/w/appeals?status=closed' },
    { label: '今日满意', value: o?.today.satisfied, to: '/w/appeals?status=closed' },
  ];

  return (
    <>
      <PageHeader title="领导驾驶舱" crumbs={[{ label: '工作台', to: '/w' }, { label: '领导驾驶舱' }]}>
        {today}（北京时间）。点击数字或图表查看对应诉求；批示请在诉求详情页填写。
      </PageHeader>
      <Row gutter={[16, 16]}>
        {numbers.map((n) => (
          <Col key={n.label} xs={12} md={8} xl={4}>
            <Card size="small" loading={overview.isLoading}>
              <Link to={n.to} className="ws-stat-link" aria-label={`${n.label}${n.value ?? ''}件，查看诉求`}>
                <Statistic title={n.label} value={n.value ?? 0} suffix="件" valueStyle={n.isAlarm && (n.value ?? 0) > 0 ? { color: '#c8102e' } : undefined} />
              </Link>
            </Card>
          </Col>
        ))}
        <Col xs={12} md={8} xl={4}>
          <Card size="small" loading={overview.isLoading}>
            <Link to="/w/appeals?status=closed" className="ws-stat-link">
              <Statistic title="今日满意率" value={rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1)} suffix={rate === null || rate === undefined ? '' : '%'} />
            </Link>
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title="近期受理与办结趋势" loading={overview.isLoading}>
            {(o?.trend ?? []).length === 0 ? (
              <Empty description="暂无数据" />
            ) : (
              <EChart
                option={trendOption}
                height={260}
                label="近期每日受理与办结数量折线图，点击某天查看当天受理的诉求"
                onClick={(p) => {
                  const day = o?.trend.find((t) => t.date.slice(5, 10) === p.name)?.date.slice(0, 10);
                  if (day) navigate(`/w/appeals?from=${day}&to=${day}`);
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="诉求分类" loading={overview.isLoading}>
            {(o?.byCategory ?? []).length === 0 ? (
              <Empty description="暂无数据" />
            ) : (
              <EChart option={categoryOption} label="诉求分类占比饼图，点击分类查看诉求" onClick={(p) => codeOf(p.data) && navigate(`/w/appeals?category=${codeOf(p.data)}`)} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="区域分布" loading={overview.isLoading}>
            {(o?.byRegion ?? []).length === 0 ? (
              <Empty description="暂无数据" />
            ) : (
              <EChart option={regionOption} label="各区县诉求数量条形图，点击区域查看诉求" onClick={(p) => codeOf(p.data) && navigate(`/w/appeals?region=${codeOf(p.data)}`)} />
            )}
          </Card>
        </Col>
      </Row>
      <LoopSection />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        满意率 =（满意 + 基本满意）÷ 已评价。
      </Typography.Paragraph>
    </>
  );
}

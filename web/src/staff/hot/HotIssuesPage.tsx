/**
 * 热点诉求 (/w/hot): similar appeals grouped into hot issues by text, place and time, ranked by heat,
 * with size, trend, places and units; the date filter lives in the URL so a view can be shared.
 */
import { Button, Card, DatePicker, Empty, Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { formatDate } from '../../format';
import { useApi } from '../../useApi';
import { EChart, type ChartOption } from '../EChart';
import { ErrorState, PageHeader } from '../ui';
import { Sparkline } from './Sparkline';
import type { HotIssue } from './types';

const MIN_SIZES = [2, 3, 5, 10];

/** The list page. */
export function HotIssuesPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const minSize = Number(params.get('minSize') ?? 2) || 2;
  const list = useApi<HotIssue[]>('/api/hot-issues', { from, to, minSize, limit: 50 });
  const rows = list.data ?? [];

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const topOption = useMemo<ChartOption>(() => {
    const top = rows.slice(0, 10).reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: '热度' },
      yAxis: { type: 'category', data: top.map((r) => (r.label.length > 14 ? `${r.label.slice(0, 13)}…` : r.label)), axisLabel: { width: 200, overflow: 'truncate' } },
      series: [{ type: 'bar', name: '热度', data: top.map((r) => ({ value: r.heat, id: r.id })), barMaxWidth: 16, label: { show: true, position: 'right' } }],
    };
  }, [rows]);

  const columns: ColumnsType<HotIssue> = [
    { title: '排名', key: 'rank', width: 56, render: (_: unknown, __: HotIssue, i: number) => i + 1 },
    {
      title: '热点',
      dataIndex: 'label',
      width: 280,
      render: (label: string, r) => (
        <Space direction="vertical" size={2}>
          <Link to={`/w/hot/${r.id}`}>{label}</Link>
          <span className="ws-muted">{r.keywords.slice(0, 5).join(' · ')}</span>
        </Space>
      ),
    },
    { title: '诉求数', dataIndex: 'size', width: 76, align: 'right', sorter: (a, b) => a.size - b.size },
    { title: '点赞', dataIndex: 'likes', width: 70, align: 'right', sorter: (a, b) => a.likes - b.likes },
    { title: '热度', dataIndex: 'heat', width: 76, align: 'right', sorter: (a, b) => a.heat - b.heat, render: (h: number) => h.toFixed(1) },
    { title: '趋势', key: 'trend', width: 136, render: (_: unknown, r) => <Sparkline trend={r.trend} bucket={r.bucket} /> },
    {
      title: '地点',
      dataIndex: 'places',
      width: 180,
      render: (places: string[]) => (places.length > 0 ? places.slice(0, 3).map((p) => <Tag key={p}>{p}</Tag>) : <span className="ws-muted">—</span>),
    },
    {
      title: '承办单位',
      dataIndex: 'units',
      width: 150,
      render: (units: HotIssue['units']) => (units.length > 0 ? units.map((u) => `${u.name}（${u.count}）`).join('、') : <span className="ws-muted">尚未交办</span>),
    },
    {
      title: '时间',
      key: 'span',
      width: 120,
      render: (_: unknown, r) => (
        <span className="ws-nowrap">
          {formatDate(r.firstAt)}
          <br />至 {formatDate(r.lastAt)}
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="热点诉求" crumbs={[{ label: '工作台', to: '/w' }, { label: '热点诉求' }]}>
        相似诉求按内容、地点和时间自动归并为热点。热度 = 每件诉求计1，点赞按平方根递减计入，按30天半衰期随时间衰减（按所选时段末计算）。点击热点查看专报。
      </PageHeader>
      <Form layout="inline" className="ws-filters" aria-label="筛选">
        <Form.Item label="时段" htmlFor="hot-range">
          <DatePicker.RangePicker
            id="hot-range"
            aria-label="热点时段"
            allowEmpty={[true, true]}
            placeholder={['开始日期', '结束日期']}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item label="至少" htmlFor="hot-min-size">
          <Select
            id="hot-min-size"
            aria-label="至少包含诉求数"
            style={{ width: 100 }}
            value={minSize}
            onChange={(v: number) => set({ minSize: v === 2 ? undefined : String(v) })}
            options={MIN_SIZES.map((n) => ({ value: n, label: `${n}件` }))}
          />
        </Form.Item>
        {(from || to || minSize !== 2) && (
          <Form.Item>
            <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>清除筛选</Button>
          </Form.Item>
        )}
      </Form>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <>
          {rows.length > 0 && (
            <Card title="热度前十" size="small" style={{ marginBottom: 16 }}>
              <EChart
                option={topOption}
                label={`热度前十的热点：${rows.slice(0, 10).map((r) => `${r.label} 热度${r.heat}`).join('；')}`}
                height={Math.max(160, Math.min(10, rows.length) * 28 + 24)}
                onClick={(p) => {
                  const id = (p.data as { id?: string } | null)?.id;
                  if (id) navigate(`/w/hot/${id}`);
                }}
              />
            </Card>
          )}
          <Table<HotIssue>
            className="ws-list"
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1150 }}
            locale={{
              emptyText: (
                <Empty description={<Typography.Text type="secondary">所选时段暂无热点。热点由两件及以上相似诉求组成，新诉求提交后自动归并；可放宽时段或“至少”件数。</Typography.Text>} />
              ),
            }}
          />
        </>
      )}
    </>
  );
}

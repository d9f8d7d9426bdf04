/**
 * The filter bar over a dense appeal table, used by every queue and list page. Filters live in the
 * URL (so a dashboard number can link to the appeals behind it) or, for embedded lists, in state.
 */
import { Button, DatePicker, Empty, Form, Input, Select, Table, Tooltip, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { CHANNELS } from '../../../shared/domain';
import { STATUS_LABELS, STATUSES } from '../../../shared/workflow';
import type { Query } from '../api';
import { CHANNEL_LABELS, formatTime } from '../format';
import { categoryTree, nameMap, regionTree, unitTree } from '../tree';
import type { AppealSummary, QueueKey } from '../types';
import { useApi } from '../useApi';
import { useCategories, useRegions, useUnits } from '../refdata';
import { DeadlineTag, ErrorState, StatusTag } from './ui';

/** The list filters as they appear in the URL. */
export const FILTER_KEYS = ['q', 'status', 'category', 'region', 'unit', 'channel', 'from', 'to', 'overdue', 'dueSoon', 'page', 'pageSize'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** Filters from the URL (`isInUrl`) or from local state. */
function useFilters(isInUrl: boolean, initial: Filters): [Filters, (next: Filters) => void] {
  const [params, setParams] = useSearchParams();
  const [local, setLocal] = useState<Filters>(initial);
  const fromUrl = useMemo(() => {
    const f: Filters = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  if (!isInUrl) return [local, setLocal];
  return [
    fromUrl,
    (next) => {
      const p = new URLSearchParams();
      for (const k of FILTER_KEYS) if (next[k]) p.set(k, String(next[k]));
      setParams(p, { replace: true });
    },
  ];
}

/** Date inputs give YYYY-MM-DD in Shanghai time; the API wants instants. `to` is inclusive here, exclusive there. */
function dayToInstant(day: string | undefined, isEnd: boolean): string | undefined {
  if (!day) return undefined;
  if (day.length > 10) return day;
  const start = new Date(`${day}T00:00:00+08:00`);
  if (Number.isNaN(start.getTime())) return undefined;
  return new Date(start.getTime() + (isEnd ? 86_400_000 : 0)).toISOString();
}

/** The API query of a set of filters. */
export function listQuery(f: Filters, queue?: QueueKey, fixed?: Query): Query {
  return {
    queue,
    q: f.q,
    status: f.status,
    category: f.category,
    region: f.region,
    unit: f.unit,
    channel: f.channel,
    from: dayToInstant(f.from, false),
    to: dayToInstant(f.to, true),
    overdue: f.overdue,
    dueSoon: f.dueSoon,
    page: f.page ?? 1,
    pageSize: f.pageSize ?? 20,
    ...fixed,
  };
}

export interface AppealTableProps {
  queue?: QueueKey;
  /** Fixed query parameters that the filter bar does not show. */
  fixed?: Query;
  /** What the empty list says (what to do). */
  emptyText: ReactNode;
  /** Filters in the URL (pages) or in state (lists embedded in tabs). */
  isInUrl?: boolean;
  initialFilters?: Filters;
  /** Extra cells at the end of each row (e.g. the supervisor's one-click actions). */
  rowActions?: (a: AppealSummary, reload: () => void) => ReactNode;
  /** Row selection with a toolbar acting on the selected rows (bulk assignment). */
  selection?: (selected: AppealSummary[], done: () => void) => ReactNode;
  /** Hide filters that make no sense for this list (e.g. status in a status queue). */
  hide?: FilterKey[];
}

/** Filter bar, table, paging. */
export function AppealTable({ queue, fixed, emptyText, isInUrl = true, initialFilters = {}, rowActions, selection, hide = [] }: AppealTableProps) {
  const [filters, setFilters] = useFilters(isInUrl, initialFilters);
  const query = listQuery(filters, queue, fixed);
  const list = useApi<AppealSummary[]>('/api/appeals', query);
  const categories = useCategories();
  const regions = useRegions();
  const units = useUnits();
  const [selected, setSelected] = useState<AppealSummary[]>([]);
  const [qDraft, setQDraft] = useState(filters.q ?? '');

  const categoryNames = useMemo(() => nameMap(categories.data, (c) => c.code), [categories.data]);
  const regionNames = useMemo(() => nameMap(regions.data, (r) => r.code), [regions.data]);
  const unitNames = useMemo(() => nameMap(units.data, (u) => u.id), [units.data]);
  const categoryOptions = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const regionOptions = useMemo(() => regionTree(regions.data ?? []), [regions.data]);
  const unitOptions = useMemo(() => unitTree(units.data ?? []), [units.data]);

  const set = (patch: Filters) => setFilters({ ...filters, ...patch, page: patch.page ?? undefined });
  const hasFilters = FILTER_KEYS.some((k) => k !== 'page' && k !== 'pageSize' && filters[k]);
  const now = new Date();

  const columns: ColumnsType<AppealSummary> = [
    {
      title: '受理编号',
      dataIndex: 'trackingCode',
      width: 125,
      render: (code: string, a) => (
        <Link to={`/w/appeals/${a.id}`} className="ws-code">
          {code}
        </Link>
      ),
    },
    {
      title: '标题',
      dataIndex: 'title',
      width: 240,
      ellipsis: { showTitle: false },
      render: (title: string, a) => (
        <Tooltip title={a.body ?? title} placement="topLeft">
          <span>
            <Link to={`/w/appeals/${a.id}`}>{title}</Link>
            {a.warningLevel && <span className={`ws-card ws-card--${a.warningLevel}`}>{a.warningLevel === 'red' ? '红牌' : '黄牌'}</span>}
            {(a.unsatisfiedCount ?? 0) > 0 && <span className="ws-card ws-card--unsatisfied">不满意{a.unsatisfiedCount}次</span>}
          </span>
        </Tooltip>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 104, render: (_: unknown, a) => <StatusTag status={a.status} label={a.statusLabel} />, sorter: (a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) },
    {
      title: '办理时限',
      key: 'deadline',
      width: 150,
      render: (_: unknown, a) => <DeadlineTag deadlines={a.deadlines} now={now} />,
      sorter: (a, b) => (a.deadlines.dueAt ? Date.parse(a.deadlines.dueAt) : Infinity) - (b.deadlines.dueAt ? Date.parse(b.deadlines.dueAt) : Infinity),
    },
    { title: '分类', dataIndex: 'categoryCode', width: 110, ellipsis: true, render: (c: string | null) => (c ? (categoryNames.get(c) ?? c) : '—') },
    { title: '区域', dataIndex: 'regionCode', width: 100, ellipsis: true, render: (c: string | null) => (c ? (regionNames.get(c) ?? c) : '—') },
    { title: '主办单位', dataIndex: 'leadUnitId', width: 140, ellipsis: true, render: (id: string | null) => (id ? (unitNames.get(id) ?? '—') : '—') },
    { title: '渠道', dataIndex: 'channel', width: 90, render: (c: AppealSummary['channel']) => CHANNEL_LABELS[c] ?? c },
    {
      title: '提交时间',
      dataIndex: 'createdAt',
      width: 135,
      render: (t: string) => formatTime(t),
      sorter: (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt),
      defaultSortOrder: undefined,
    },
  ];
  if (rowActions) columns.push({ title: '操作', key: 'actions', fixed: 'right', width: 190, render: (_: unknown, a) => rowActions(a, list.reload) });
  // Columns keep their widths; the table scrolls sideways on narrow screens instead of squeezing the title.
  const tableWidth = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), selection ? 48 : 0);

  const deadlineValue = filters.overdue === 'true' ? 'overdue' : filters.dueSoon === 'true' ? 'dueSoon' : undefined;

  return (
    <div className="ws-list">
      <Form layout="inline" className="ws-filters" aria-label="筛选" onFinish={() => set({ q: qDraft.trim() || undefined })}>
        <Form.Item label="关键词" htmlFor="filter-q">
          <Input.Search
            id="filter-q"
            allowClear
            placeholder="标题、内容、受理编号"
            value={qDraft}
            onChange={(e) => setQDraft(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            style={{ width: 220 }}
          />
        </Form.Item>
        {!hide.includes('status') && (
          <Form.Item label="状态" htmlFor="filter-status">
            <Select
              id="filter-status"
              mode="multiple"
              allowClear
              placeholder="全部"
              maxTagCount={1}
              style={{ minWidth: 140 }}
              value={filters.status ? filters.status.split(',') : []}
              onChange={(v: string[]) => set({ status: v.length ? v.join(',') : undefined })}
              options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            />
          </Form.Item>
        )}
        {!hide.includes('overdue') && (
          <Form.Item label="时限" htmlFor="filter-deadline">
            <Select
              id="filter-deadline"
              allowClear
              placeholder="全部"
              style={{ width: 110 }}
              value={deadlineValue}
              onChange={(v?: string) => set({ overdue: v === 'overdue' ? 'true' : undefined, dueSoon: v === 'dueSoon' ? 'true' : undefined })}
              options={[
                { value: 'overdue', label: '已超期' },
                { value: 'dueSoon', label: '即将超期' },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item label="分类" htmlFor="filter-category">
          <TreeSelect
            id="filter-category"
            allowClear
            showSearch
            treeNodeFilterProp="label"
            placeholder="全部"
            style={{ width: 160 }}
            value={filters.category}
            onChange={(v?: string) => set({ category: v || undefined })}
            treeData={categoryOptions}
            popupMatchSelectWidth={260}
          />
        </Form.Item>
        <Form.Item label="区域" htmlFor="filter-region">
          <TreeSelect
            id="filter-region"
            allowClear
            showSearch
            treeNodeFilterProp="label"
            placeholder="全部"
            style={{ width: 140 }}
            value={filters.region}
            onChange={(v?: string) => set({ region: v || undefined })}
            treeData={regionOptions}
            popupMatchSelectWidth={260}
          />
        </Form.Item>
        {!hide.includes('unit') && (
          <Form.Item label="单位" htmlFor="filter-unit">
            <TreeSelect
              id="filter-unit"
              allowClear
              showSearch
              treeNodeFilterProp="label"
              placeholder="全部"
              style={{ width: 170 }}
              value={filters.unit}
              onChange={(v?: string) => set({ unit: v || undefined })}
              treeData={unitOptions}
              popupMatchSelectWidth={300}
            />
          </Form.Item>
        )}
        <Form.Item label="渠道" htmlFor="filter-channel">
          <Select
            id="filter-channel"
            allowClear
            placeholder="全部"
            style={{ width: 120 }}
            value={filters.channel}
            onChange={(v?: string) => set({ channel: v || undefined })}
            options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
          />
        </Form.Item>
        <Form.Item label="提交日期" htmlFor="filter-from">
          {/* antd's picker, not <input type=date>: the native one shows the browser's own (often
              English mm/dd/yyyy) format whatever the page's language. */}
          <DatePicker.RangePicker
            id="filter-from"
            aria-label="提交日期范围"
            allowEmpty={[true, true]}
            placeholder={['开始日期', '结束日期']}
            value={[filters.from ? dayjs(filters.from.slice(0, 10)) : null, filters.to ? dayjs(filters.to.slice(0, 10)) : null]}
            onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD') || undefined, to: range?.[1]?.format('YYYY-MM-DD') || undefined })}
            style={{ width: 260 }}
          />
        </Form.Item>
        {hasFilters && (
          <Form.Item>
            <Button
              onClick={() => {
                setQDraft('');
                setFilters({});
              }}
            >
              清除筛选
            </Button>
          </Form.Item>
        )}
      </Form>
      {selection && selected.length > 0 && (
        <div className="ws-selection-bar" role="region" aria-label="批量操作">
          <span>已选 {selected.length} 件</span>
          {selection(selected, () => {
            setSelected([]);
            list.reload();
          })}
        </div>
      )}
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <Table<AppealSummary>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          columns={columns}
          dataSource={list.data ?? []}
          scroll={{ x: tableWidth }}
          rowSelection={
            selection
              ? {
                  selectedRowKeys: selected.map((a) => a.id),
                  onChange: (_keys, rows) => setSelected(rows),
                }
              : undefined
          }
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  hasFilters ? (
                    <span>
                      没有符合条件的诉求。
                      <Typography.Link
                        onClick={() => {
                          setQDraft('');
                          setFilters({});
                        }}
                      >
                        清除筛选条件
                      </Typography.Link>
                      再看看。
                    </span>
                  ) : (
                    emptyText
                  )
                }
              />
            ),
          }}
          pagination={{
            current: Number(filters.page ?? 1),
            pageSize: Number(filters.pageSize ?? 20),
            total: list.page?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => `共 ${total} 件`,
            onChange: (page, pageSize) => setFilters({ ...filters, page: page > 1 ? String(page) : undefined, pageSize: pageSize !== 20 ? String(pageSize) : undefined }),
          }}
        />
      )}
    </div>
  );
}

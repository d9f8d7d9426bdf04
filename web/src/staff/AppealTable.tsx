/**
 * The filter bar over a dense appeal table, used by every queue and list page. Filters live in the
 * URL (so a dashboard number can link to the appeals behind it) or, for embedded lists, in state.
 * The bar itself (AppealFilters) is a chunk of its own that follows the first rows by a moment.
 */
import { Empty, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { STATUSES } from '../../../shared/workflow';
import type { Query } from '../api';
import { CHANNEL_LABELS, formatTime } from '../format';
import { lazyPage, useLoadedAfterRender } from '../lazyPage';
import { nameMap } from '../tree';
import type { AppealSummary, QueueKey } from '../types';
import { useApi } from '../useApi';
import { useCategories, useRegions, useUnits } from '../refdata';
import type { AppealFiltersProps } from './AppealFilters';
import { AppealFiltersPlaceholder } from './AppealFiltersPlaceholder';
import { FILTER_KEYS, filtersOf, listQuery, type FilterKey, type Filters } from './listQuery';
import { DeadlineTag, ErrorState, StatusTag } from './ui';

/** The filter bar: its pickers are most of the list's code, so it loads once the rows are on screen. */
const AppealFilters = lazyPage<'AppealFilters', AppealFiltersProps>(() => import('./AppealFilters'), 'AppealFilters');

/** Filters from the URL (`isInUrl`) or from local state. */
function useFilters(isInUrl: boolean, initial: Filters): [Filters, (next: Filters) => void] {
  const [params, setParams] = useSearchParams();
  const [local, setLocal] = useState<Filters>(initial);
  const fromUrl = useMemo(() => filtersOf(params), [params]);
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
  const hasFilterBar = useLoadedAfterRender(AppealFilters);

  const set = (patch: Filters) => setFilters({ ...filters, ...patch, page: patch.page ?? undefined });
  const hasFilters = FILTER_KEYS.some((k) => k !== 'page' && k !== 'pageSize' && filters[k]);
  const clear = () => {
    setQDraft('');
    setFilters({});
  };
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
          <span className="ws-title-cell">
            <Link to={`/w/appeals/${a.id}`} className="ws-title-cell__text">
              {title}
            </Link>
            {a.warningLevel && <span className={`ws-card ws-card--${a.warningLevel}`}>{a.warningLevel === 'red' ? '红牌' : '黄牌'}</span>}
            {(a.unsatisfiedCount ?? 0) > 0 && <span className="ws-card ws-card--unsatisfied">不满意{a.unsatisfiedCount}次</span>}
            {a.isOpen !== false && (a.duplicateCount ?? 0) > 0 && (
              <span className="ws-card ws-card--duplicate" title="智能分派发现内容、地点相近的诉求，可在详情页并案或排除">
                疑似重复
              </span>
            )}
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

  return (
    <div className="ws-list">
      {hasFilterBar ? (
        <AppealFilters filters={filters} set={set} hide={hide} qDraft={qDraft} setQDraft={setQDraft} hasFilters={hasFilters} clear={clear} />
      ) : (
        <AppealFiltersPlaceholder hide={hide} hasFilters={hasFilters} />
      )}
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
                      <Typography.Link onClick={clear}>
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

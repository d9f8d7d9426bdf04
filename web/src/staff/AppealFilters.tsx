/**
 * The filter bar over the appeal table: keyword, status, deadline, category, region, unit, channel
 * and dates. Its own chunk, loaded right after the table has rendered: its pickers (a date range,
 * three trees) are most of the list's code and would otherwise hold back the first rows.
 */
import { Button, DatePicker, Form, Input, Select, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { CHANNELS } from '../../../shared/domain';
import { STATUS_LABELS, STATUSES } from '../../../shared/workflow';
import { CHANNEL_LABELS } from '../format';
import { useCategories, useRegions, useUnits } from '../refdata';
import { categoryTree, regionTree, unitTree } from '../tree';
import type { FilterKey, Filters } from './listQuery';

export interface AppealFiltersProps {
  filters: Filters;
  /** Changes some filters (and goes back to the first page). */
  set: (patch: Filters) => void;
  /** Filters this list does not show. */
  hide: FilterKey[];
  /** The keyword as typed, applied on search. */
  qDraft: string;
  setQDraft: (q: string) => void;
  hasFilters: boolean;
  clear: () => void;
}

/** The filter bar (a form in one or more lines). */
export function AppealFilters({ filters, set, hide, qDraft, setQDraft, hasFilters, clear }: AppealFiltersProps) {
  const categories = useCategories();
  const regions = useRegions();
  const units = useUnits();
  const categoryOptions = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const regionOptions = useMemo(() => regionTree(regions.data ?? []), [regions.data]);
  const unitOptions = useMemo(() => unitTree(units.data ?? []), [units.data]);
  const deadlineValue = filters.overdue === 'true' ? 'overdue' : filters.dueSoon === 'true' ? 'dueSoon' : undefined;

  return (
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
          <Button onClick={clear}>清除筛选</Button>
        </Form.Item>
      )}
    </Form>
  );
}

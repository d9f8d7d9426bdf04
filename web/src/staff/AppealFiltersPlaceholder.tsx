/** The filter bar's stand-in while its code (AppealFilters.tsx, a chunk of its own) loads. */
import type { FilterKey } from './listQuery';
import './appeal-filters.css';

/** Label, width and the filter that hides it, as in AppealFilters. */
const FIELDS: [string, number, FilterKey | null][] = [
  ['关键词', 220, null],
  ['状态', 140, 'status'],
  ['时限', 110, 'overdue'],
  ['分类', 160, null],
  ['区域', 140, null],
  ['单位', 170, 'unit'],
  ['渠道', 120, null],
  ['提交日期', 260, null],
];

/**
 * What stands in the filter bar's place while its code loads: the same labels and field widths
 * (so the table below does not move when the bar arrives), nothing to click yet.
 */
export function AppealFiltersPlaceholder({ hide, hasFilters }: { hide: FilterKey[]; hasFilters: boolean }) {
  return (
    <div className="ws-filters ws-filters-placeholder" aria-busy="true" aria-label="筛选（加载中）">
      {FIELDS
        .filter(([, , key]) => key === null || !hide.includes(key))
        .map(([label, width]) => (
          <div key={label} className="ws-filters-placeholder__item">
            <span className="ws-filters-placeholder__label">{label}:</span>
            <span className="ws-filters-placeholder__field" style={{ width }} />
          </div>
        ))}
      {hasFilters && <span className="ws-filters-placeholder__field" style={{ width: 88 }} />}
    </div>
  );
}

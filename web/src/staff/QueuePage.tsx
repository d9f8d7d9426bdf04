/** A workbench queue (待受理, 待交办, 待签收 …) and the full list of appeals, both over AppealTable. */
import { Button } from 'antd';
import { useParams } from 'react-router-dom';
import { ApiError } from '../api';
import { QUEUE_EMPTY_HINTS, QUEUE_LABELS } from '../format';
import { lazyPage, useLoadedAfterRender } from '../lazyPage';
import { QUEUE_KEYS, type QueueKey } from '../types';
import { AppealTable } from './AppealTable';
import type { BulkAssignProps } from './BulkAssign';
import { useWorkbench } from './me';
import { ErrorState, PageHeader } from './ui';

/** 批量交办 with its form and unit trees: a chunk of its own, needed only once rows are selected. */
const BulkAssign = lazyPage<'BulkAssign', BulkAssignProps>(() => import('./BulkAssign'), 'BulkAssign');

/** The bulk action, shown (disabled) at once and usable as soon as its code is in. */
function BulkAssignAction(props: BulkAssignProps) {
  const isLoaded = useLoadedAfterRender(BulkAssign);
  if (isLoaded) return <BulkAssign {...props} />;
  return (
    <Button type="primary" disabled loading>
      批量交办
    </Button>
  );
}

const STATUS_QUEUES: QueueKey[] = ['to_accept', 'to_assign', 'to_sign', 'in_progress', 'reply_review', 'returned'];

/** /w/queue/:queue */
export function QueuePage() {
  const { queue } = useParams();
  const { counts } = useWorkbench();
  if (!queue || !(QUEUE_KEYS as readonly string[]).includes(queue)) return <ErrorState error={new ApiError(404, 'NOT_FOUND', '没有这个队列')} notFoundText="没有这个队列。" />;
  const key = queue as QueueKey;
  const n = counts?.[key];
  return (
    <>
      <PageHeader title={QUEUE_LABELS[key]} crumbs={[{ label: '工作台', to: '/w' }, { label: QUEUE_LABELS[key] }]}>
        {n !== undefined ? `共 ${n} 件` : null}
        {key === 'to_assign' && '　勾选多件可一次交办到同一单位。'}
      </PageHeader>
      <AppealTable
        key={key}
        queue={key}
        emptyText={QUEUE_EMPTY_HINTS[key]}
        hide={[...(STATUS_QUEUES.includes(key) ? (['status'] as const) : []), ...(key === 'overdue' || key === 'due_soon' ? (['overdue'] as const) : [])]}
        selection={key === 'to_assign' ? (selected, done) => <BulkAssignAction selected={selected} onDone={done} /> : undefined}
      />
    </>
  );
}

/** /w/appeals: every appeal the user may see, with all filters. */
export function AppealsPage() {
  return (
    <>
      <PageHeader title="全部诉求" crumbs={[{ label: '工作台', to: '/w' }, { label: '全部诉求' }]}>
        可按状态、时限、分类、区域、单位、渠道和日期筛选，关键词支持中文全文检索和受理编号。
      </PageHeader>
      <AppealTable emptyText="暂无诉求。" />
    </>
  );
}

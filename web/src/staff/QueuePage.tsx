/** A workbench queue (待受理, 待交办, 待签收 …) and the full list of appeals, both over AppealTable. */
import { App, Button, Form, Modal, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, ApiError } from '../api';
import { QUEUE_EMPTY_HINTS, QUEUE_LABELS } from '../format';
import { unitTree } from '../tree';
import { QUEUE_KEYS, type AppealSummary, type QueueKey } from '../types';
import { AppealTable } from './AppealTable';
import { showApiError } from './forms';
import { useWorkbench } from './me';
import { useUnits } from '../refdata';
import { ErrorState, PageHeader } from './ui';

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
        selection={key === 'to_assign' ? (selected, done) => <BulkAssign selected={selected} onDone={done} /> : undefined}
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

/** 批量交办: the selected accepted appeals to one lead unit (and co-units) in one request. */
function BulkAssign({ selected, onDone }: { selected: AppealSummary[]; onDone: () => void }) {
  const [isOpen, setOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ leadUnitId: string; coUnitIds?: string[] }>();
  const units = useUnits();
  const options = useMemo(() => unitTree(units.data ?? []), [units.data]);
  const { message } = App.useApp();
  const { refreshCounts } = useWorkbench();

  const submit = async (v: { leadUnitId: string; coUnitIds?: string[] }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/appeals/bulk/assign', { ids: selected.map((a) => a.id), leadUnitId: v.leadUnitId, coUnitIds: v.coUnitIds ?? [] });
      message.success(`已交办 ${selected.length} 件`);
      setOpen(false);
      form.resetFields();
      refreshCounts();
      onDone();
    } catch (e) {
      setError(showApiError(form, e, ['leadUnitId', 'coUnitIds']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        批量交办
      </Button>
      <Modal title={`批量交办（${selected.length} 件）`} open={isOpen} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="交办" confirmLoading={isBusy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} name="bulk-assign">
          <Form.Item name="leadUnitId" label="主办单位" rules={[{ required: true, message: '请选择主办单位' }]}>
            <TreeSelect showSearch treeNodeFilterProp="label" treeData={options} placeholder="输入名称搜索" />
          </Form.Item>
          <Form.Item name="coUnitIds" label="协办单位（选填）">
            <TreeSelect multiple showSearch treeNodeFilterProp="label" treeData={options} placeholder="可多选" />
          </Form.Item>
          {error && (
            <div className="ws-form-error" role="alert">
              {error}
            </div>
          )}
        </Form>
      </Modal>
    </>
  );
}

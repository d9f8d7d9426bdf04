/** 批量交办 on the 待交办 queue (QueuePage loads this chunk once rows are selected). */
import { App, Button, Form, Modal, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api';
import { useUnits } from '../refdata';
import { unitTree } from '../tree';
import type { AppealSummary } from '../types';
import { showApiError } from './forms';
import { useWorkbench } from './me';

export interface BulkAssignProps {
  selected: AppealSummary[];
  onDone: () => void;
}

/** 批量交办: the selected accepted appeals to one lead unit (and co-units) in one request. */
export function BulkAssign({ selected, onDone }: BulkAssignProps) {
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

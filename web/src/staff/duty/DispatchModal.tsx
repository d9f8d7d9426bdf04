/** 转为诉求: the dispatch form — unit preset to smart dispatch's proposal, category, title and a note for the unit. */
import { Alert, App, Form, Input, Modal, TreeSelect, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { LIMITS } from '../../../../shared/domain';
import { api } from '../../api';
import { useCategories, useUnits } from '../../refdata';
import { categoryTree, unitTree } from '../../tree';
import { showApiError } from '../forms';
import type { Suggestion } from '../../types';
import type { AlertView, DispatchResult } from './types';

interface DispatchForm {
  unitId?: string;
  categoryCode?: string;
  title: string;
  note?: string;
}

/** The modal; `onDone` gets the appeal the post became. */
export function DispatchModal(props: { alert: AlertView; suggestion: Suggestion | null; isOpen: boolean; onClose: () => void; onDone: (r: DispatchResult) => void }) {
  const { alert, suggestion, isOpen, onClose, onDone } = props;
  const [form] = Form.useForm<DispatchForm>();
  const units = useUnits();
  const categories = useCategories();
  const unitOptions = useMemo(() => unitTree((units.data ?? []).filter((u) => u.isActive)), [units.data]);
  const categoryOptions = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const { message } = App.useApp();
  const proposed = suggestion?.units[0];

  useEffect(() => {
    if (!isOpen) return;
    setError(null);
    form.setFieldsValue({
      unitId: proposed?.unitId,
      categoryCode: suggestion?.categories[0]?.code,
      title: (alert.post.title || alert.story.label || alert.post.text).slice(0, LIMITS.titleMax),
      note: undefined,
    });
  }, [isOpen, alert, proposed, suggestion, form]);

  const submit = async (v: DispatchForm) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<DispatchResult>(`/api/monitor/posts/${alert.post.id}/dispatch`, {
        alertId: alert.status === 'open' ? alert.id : undefined,
        unitId: v.unitId,
        categoryCode: v.categoryCode || undefined,
        title: v.title.trim(),
        note: v.note?.trim() || undefined,
      });
      message.success(res.data.isNew ? `已转为诉求，受理编号 ${res.data.trackingCode}` : `该帖文已转过诉求（${res.data.trackingCode}）`);
      onDone(res.data);
    } catch (e) {
      setError(showApiError(form, e, ['unitId', 'categoryCode', 'title', 'note']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="转为诉求"
      open={isOpen}
      onCancel={onClose}
      okText="确认转为诉求"
      cancelText="取消"
      confirmLoading={isBusy}
      onOk={() => form.submit()}
      destroyOnHidden
      width={620}
    >
      <Typography.Paragraph type="secondary">
        诉求以「舆情监测」渠道登记，办理时限从帖文发布时间起算，直接交办给所选承办单位（本操作记为受理并交办）。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} name="dispatch">
        <Form.Item
          name="unitId"
          label="承办单位"
          extra={proposed ? `智能分派建议：${proposed.name}（置信度${Math.round(proposed.p * 100)}%）` : '智能分派暂无建议，请选择承办单位'}
          rules={[{ required: true, message: '请选择承办单位' }]}
        >
          <TreeSelect showSearch allowClear treeNodeFilterProp="label" treeData={unitOptions} placeholder="输入单位名称搜索" />
        </Form.Item>
        <Form.Item name="categoryCode" label="问题分类（选填）">
          <TreeSelect showSearch allowClear treeNodeFilterProp="label" treeData={categoryOptions} placeholder="不选则按智能分派建议" />
        </Form.Item>
        <Form.Item name="title" label="诉求标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={LIMITS.titleMax} />
        </Form.Item>
        <Form.Item name="note" label="给承办单位的说明（选填）">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={LIMITS.reasonMax} showCount />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

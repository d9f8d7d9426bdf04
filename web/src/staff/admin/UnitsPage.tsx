/** 单位管理 (/w/admin/units): the unit tree and a form to add a unit. */
import { Alert, App, Button, Card, Col, Empty, Form, Input, Row, Select, Switch, Tag, Tree, TreeSelect } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { UNIT_KINDS, type UnitKind } from '../../../../shared/domain';
import { api } from '../../api';
import { regionTree, unitTree, type PickerNode } from '../../tree';
import type { Unit } from '../../types';
import { useApi } from '../../useApi';
import { showApiError } from '../forms';
import { invalidateReference, useRegions } from '../../refdata';
import { ErrorState, PageHeader } from '../ui';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = { region: '属地政府', department: '职能部门', enterprise: '公共企业', platform: '平台' };

interface UnitTreeNode {
  key: string;
  title: ReactNode;
  children?: UnitTreeNode[];
}

interface UnitForm {
  code: string;
  name: string;
  kind: UnitKind;
  regionCode: string;
  parentId?: string;
  requiresReplyReview: boolean;
}

/** The tree beside the creation form. */
export function UnitsPage() {
  const units = useApi<Unit[]>('/api/units');
  const regions = useRegions();
  const [form] = Form.useForm<UnitForm>();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const { message } = App.useApp();
  const byId = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const options = useMemo(() => unitTree(units.data ?? []), [units.data]);
  const regionOptions = useMemo(() => regionTree(regions.data ?? []), [regions.data]);

  const toTreeData = (nodes: PickerNode[]): UnitTreeNode[] =>
    nodes.map((n) => {
      const u = byId.get(n.value);
      return {
        key: n.value,
        title: (
          <span>
            {n.label} <span className="ws-muted ws-code">{u?.code}</span> {u && <Tag>{UNIT_KIND_LABELS[u.kind]}</Tag>}
            {u?.requiresReplyReview && <Tag color="gold">答复需审核</Tag>}
            {u && !u.isActive && <Tag>已停用</Tag>}
          </span>
        ),
        children: n.children ? toTreeData(n.children) : undefined,
      };
    });

  const create = async (v: UnitForm) => {
    setError(null);
    setBusy(true);
    try {
      await api.post('/api/admin/units', { ...v, parentId: v.parentId || undefined, code: v.code.trim(), name: v.name.trim() });
      message.success(`已新增单位：${v.name}`);
      form.resetFields();
      invalidateReference('/api/units');
      units.reload();
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="单位管理" crumbs={[{ label: '系统管理' }, { label: '单位管理' }]}>
        市直部门、公共企业挂在市政府下；区县政府下是乡镇街道。属地单位可看到其下级区域的诉求。
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title={`单位（${units.data?.length ?? 0}）`}>
            {units.error ? (
              <ErrorState error={units.error} onRetry={units.reload} />
            ) : units.isLoading ? (
              <Card loading bordered={false} />
            ) : options.length === 0 ? (
              <Empty description="还没有单位，请在右侧新增。" />
            ) : (
              <Tree treeData={toTreeData(options)} defaultExpandedKeys={options.map((o) => o.value)} showLine blockNode height={620} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="新增单位">
            <Form form={form} layout="vertical" onFinish={create} initialValues={{ kind: 'department', requiresReplyReview: false }} name="unit">
              <Form.Item name="code" label="单位代码" rules={[{ required: true, message: '请填写单位代码' }]} extra="部门用拼音缩写（如 cgj），属地用区划代码">
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item name="name" label="单位名称" rules={[{ required: true, message: '请填写单位名称' }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="kind" label="单位类型" rules={[{ required: true }]}>
                <Select options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} />
              </Form.Item>
              <Form.Item name="regionCode" label="所属区域" rules={[{ required: true, message: '请选择所属区域' }]}>
                <TreeSelect showSearch treeNodeFilterProp="label" treeData={regionOptions} placeholder="选择区划" />
              </Form.Item>
              <Form.Item name="parentId" label="上级单位">
                <TreeSelect allowClear showSearch treeNodeFilterProp="label" treeData={options} placeholder="无（顶级）" />
              </Form.Item>
              <Form.Item name="requiresReplyReview" label="答复需单位负责人审核" valuePropName="checked">
                <Switch />
              </Form.Item>
              {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
              <Button type="primary" htmlType="submit" loading={isBusy}>
                新增
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}

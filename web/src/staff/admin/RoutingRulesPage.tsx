/**
 * 分派规则 (/w/admin/routing): the city's routing rules (谁主管 + 属地), the auto-assign switch and
 * threshold, the models in use (swap or roll back without restart, retrain now), and a try-it box
 * that shows what smart dispatch would suggest for a text.
 */
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Radio, Row, Slider, Switch, Table, Tag, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { api, errorText } from '../../api';
import { formatTime } from '../../format';
import { useCategories, useRegions, useUnits } from '../../refdata';
import { categoryPath, categoryTree, regionTree, unitTree } from '../../tree';
import type { Suggestion } from '../../types';
import { useApi } from '../../useApi';
import { showApiError } from '../forms';
import { ErrorState, PageHeader } from '../ui';

interface Rule {
  id: string;
  categoryCode: string | null;
  regionCode: string | null;
  keyword: string | null;
  target: 'unit' | 'territorial';
  unitId: string | null;
  unitName: string | null;
  priority: number;
  note: string | null;
  isActive: boolean;
}

interface Settings {
  autoAssign: { enabled: boolean; threshold: number };
  models: { id: string; kind: 'category' | 'unit'; rows: number; metrics: { macroF1?: number; accuracy?: number } | null; trainedAt: string; source: string; isActive: boolean }[];
}

type RuleForm = Omit<Rule, 'id' | 'unitName'>;

const EMPTY: RuleForm = { categoryCode: null, regionCode: null, keyword: null, target: 'unit', unitId: null, priority: 0, note: null, isActive: true };

export function RoutingRulesPage() {
  const rules = useApi<Rule[]>('/api/admin/routing-rules');
  const categories = useCategories();
  const regions = useRegions();
  const regionNames = useMemo(() => new Map((regions.data ?? []).map((r) => [r.code, r.name])), [regions.data]);
  const [editing, setEditing] = useState<Rule | null>(null);
  const { message } = App.useApp();

  const remove = async (r: Rule) => {
    try {
      await api.del(`/api/admin/routing-rules/${r.id}`);
      message.success('已删除规则');
      rules.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <PageHeader title="分派规则" crumbs={[{ label: '系统管理' }, { label: '分派规则' }]}>
        关键词规则最优先，其次是“分类+区域”、分类、区域；“属地”交给发生地的乡镇街道或区县政府。智能分派把规则、以往派单和分类模型合起来给出前三个建议单位。
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" title="规则">
            {rules.error ? (
              <ErrorState error={rules.error} onRetry={rules.reload} />
            ) : (
              <Table<Rule>
                rowKey="id"
                size="small"
                loading={rules.isLoading}
                dataSource={rules.data ?? []}
                pagination={{ pageSize: 15, hideOnSinglePage: true }}
                columns={[
                  { title: '关键词', dataIndex: 'keyword', render: (k: string | null) => k ?? '—' },
                  { title: '分类', dataIndex: 'categoryCode', render: (c: string | null) => (c ? categoryPath(categories.data, c) : '—') },
                  { title: '区域', dataIndex: 'regionCode', render: (c: string | null) => (c ? (regionNames.get(c) ?? c) : '全市') },
                  { title: '交给', key: 'to', render: (_: unknown, r) => (r.target === 'territorial' ? <Tag color="green">属地</Tag> : r.unitName) },
                  { title: '状态', dataIndex: 'isActive', width: 70, render: (a: boolean) => (a ? <Tag color="blue">启用</Tag> : <Tag>停用</Tag>) },
                  {
                    title: '操作',
                    key: 'ops',
                    width: 120,
                    render: (_: unknown, r) => (
                      <>
                        <Button size="small" type="link" onClick={() => setEditing(r)}>
                          修改
                        </Button>
                        <Popconfirm title="删除这条规则？" okText="删除" cancelText="取消" onConfirm={() => remove(r)}>
                          <Button size="small" type="link" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      </>
                    ),
                  },
                ]}
              />
            )}
          </Card>
          <TryIt />
        </Col>
        <Col xs={24} xl={9}>
          <RuleEditor key={editing?.id ?? 'new'} rule={editing} onDone={() => { setEditing(null); rules.reload(); }} />
          <AutoAssign />
        </Col>
      </Row>
    </>
  );
}

function RuleEditor({ rule, onDone }: { rule: Rule | null; onDone: () => void }) {
  const [form] = Form.useForm<RuleForm>();
  const categories = useCategories();
  const regions = useRegions();
  const units = useUnits();
  const [error, setError] = useState<string | null>(null);
  const target = Form.useWatch('target', form) ?? rule?.target ?? 'unit';
  const { message } = App.useApp();
  const save = async (v: RuleForm) => {
    setError(null);
    const body = { ...EMPTY, ...v, keyword: v.keyword?.trim() || null, note: v.note?.trim() || null, unitId: v.target === 'unit' ? (v.unitId ?? null) : null };
    try {
      if (rule) await api.put(`/api/admin/routing-rules/${rule.id}`, body);
      else await api.post('/api/admin/routing-rules', body);
      message.success(rule ? '已保存规则' : '已新增规则');
      form.resetFields();
      onDone();
    } catch (e) {
      setError(showApiError(form, e));
    }
  };
  return (
    <Card size="small" title={rule ? '修改规则' : '新增规则'} extra={rule && <Button size="small" onClick={onDone}>取消修改</Button>}>
      <Form form={form} layout="vertical" name="routing-rule" initialValues={rule ?? EMPTY} onFinish={save}>
        <Form.Item name="keyword" label="关键词（可用 | 分隔多个，如 燃气|煤气）">
          <Input maxLength={200} allowClear />
        </Form.Item>
        <Form.Item name="categoryCode" label="问题分类">
          <TreeSelect allowClear showSearch treeNodeFilterProp="label" treeData={categoryTree(categories.data ?? [])} placeholder="不限" />
        </Form.Item>
        <Form.Item name="regionCode" label="区域">
          <TreeSelect allowClear showSearch treeNodeFilterProp="label" treeData={regionTree(regions.data ?? [])} placeholder="全市" />
        </Form.Item>
        <Form.Item name="target" label="交给">
          <Radio.Group options={[{ value: 'unit', label: '指定主管单位' }, { value: 'territorial', label: '属地（发生地的乡镇街道或区县）' }]} />
        </Form.Item>
        {target === 'unit' && (
          <Form.Item name="unitId" label="主管单位" rules={[{ required: true, message: '请选择主管单位' }]}>
            <TreeSelect allowClear showSearch treeNodeFilterProp="label" treeData={unitTree(units.data ?? [])} placeholder="输入单位名称搜索" />
          </Form.Item>
        )}
        <Form.Item name="priority" label="优先级（同样具体的规则中大者优先）">
          <InputNumber min={-1000} max={1000} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="isActive" label="启用" valuePropName="checked">
          <Switch />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit">
          {rule ? '保存' : '新增'}
        </Button>
      </Form>
    </Card>
  );
}

function AutoAssign() {
  const settings = useApi<Settings>('/api/admin/dispatch-settings');
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Settings['autoAssign'] | null>(null);
  const value = draft ?? settings.data?.autoAssign;
  const call = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
      setDraft(null);
      settings.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  if (settings.error) return <ErrorState error={settings.error} onRetry={settings.reload} />;
  return (
    <Card size="small" title="自动交办与模型" style={{ marginTop: 16 }} loading={!value}>
      {value && (
        <>
          <label className="ws-inline-label" htmlFor="auto-assign">自动交办</label>
          <Switch id="auto-assign" checked={value.enabled} onChange={(enabled) => setDraft({ ...value, enabled })} />
          <div style={{ marginTop: 12 }}>
            <label className="ws-inline-label">置信度阈值 {Math.round(value.threshold * 100)}%</label>
            <Slider min={0.5} max={1} step={0.01} value={value.threshold} onChange={(threshold) => setDraft({ ...value, threshold })} aria-label="自动交办置信度阈值" />
          </div>
          <p className="ws-muted">受理后，首选单位置信度达到阈值的诉求由系统直接交办，低于阈值的由派单员确认。</p>
          <Button type="primary" disabled={!draft} onClick={() => void call(() => api.put('/api/admin/dispatch-settings', { autoAssign: value }), '已保存')}>
            保存设置
          </Button>
        </>
      )}
      <Table
        rowKey="id"
        size="small"
        style={{ marginTop: 16 }}
        pagination={false}
        dataSource={settings.data?.models ?? []}
        locale={{ emptyText: '暂无模型' }}
        columns={[
          { title: '模型', dataIndex: 'kind', render: (k: string) => (k === 'category' ? '分类' : '单位') },
          { title: '训练时间', dataIndex: 'trainedAt', render: (t: string) => formatTime(t) },
          { title: '样本', dataIndex: 'rows' },
          { title: 'macro-F1', key: 'f1', render: (_: unknown, m: Settings['models'][number]) => (m.metrics?.macroF1 !== undefined ? m.metrics.macroF1.toFixed(3) : '—') },
          {
            title: '',
            key: 'use',
            render: (_: unknown, m: Settings['models'][number]) =>
              m.isActive ? <Tag color="blue">使用中</Tag> : <Button size="small" onClick={() => void call(() => api.post(`/api/admin/dispatch/models/${m.id}/activate`), '已切换模型')}>启用</Button>,
          },
        ]}
      />
      <Button style={{ marginTop: 12 }} onClick={() => void call(() => api.post('/api/admin/dispatch/retrain'), '已排队重新训练')}>
        立即用本市数据重新训练
      </Button>
    </Card>
  );
}

function TryIt() {
  const [text, setText] = useState('');
  const [result, setResult] = useState<Suggestion | null>(null);
  const { message } = App.useApp();
  const run = async () => {
    try {
      setResult((await api.post<Suggestion>('/api/dispatch/suggest', { text })).data);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Card size="small" title="试一试" style={{ marginTop: 16 }}>
      <Input.TextArea aria-label="诉求内容" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 3, maxRows: 6 }} placeholder="输入一段诉求内容，看看智能分派会怎么建议" />
      <Button style={{ marginTop: 8 }} onClick={() => void run()} disabled={text.trim().length === 0}>
        查看建议
      </Button>
      {result && (
        <div style={{ marginTop: 12 }}>
          <div>分类：{result.categories.map((c) => `${c.name} ${Math.round(c.p * 100)}%`).join('、') || '—'}</div>
          <div>发生地：{result.place?.regionName ?? '—'}</div>
          {result.urgency?.isUrgent && <div style={{ color: '#cf1322' }}>紧急：{result.urgency.reasons.join('；')}</div>}
          <ol>
            {result.units.map((u) => (
              <li key={u.unitId}>
                {u.name} {Math.round(u.p * 100)}% <span className="ws-muted">— {(u.why ?? []).join('；')}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Card>
  );
}

/**
 * 监测方案 (/w/admin/schemes): keyword schemes per topic and region — boolean expressions over the
 * posts' text (AND by space, | for OR, - or NOT to exclude, parentheses, "phrases") — with a test
 * against the last N posts before saving. A syntax error names the character where it is.
 */
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Switch, Table, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError, errorText } from '../../api';
import { formatTime } from '../../format';
import { useRegions } from '../../refdata';
import { regionTree } from '../../tree';
import { useApi } from '../../useApi';
import { showApiError } from '../forms';
import { ErrorState, PageHeader } from '../ui';
import { PLATFORM_LABELS, type KeywordScheme, type SchemePreview } from './types';
import './duty.css';

interface SchemeForm {
  name: string;
  topic: string;
  regionCode?: string;
  expression: string;
  lastN: number;
}

/** The text with the scheme's hits marked. */
function Highlighted({ text, hits }: { text: string; hits: string[] }) {
  if (hits.length === 0) return <>{text}</>;
  const escaped = hits.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'gi'));
  return (
    <>
      {parts.map((p, i) =>
        hits.some((h) => h.toLowerCase() === p.toLowerCase()) ? (
          <mark key={i} className="duty-hit">
            {p}
          </mark>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </>
  );
}

/** Where a syntax error is: the expression with the character at `position` (1-based) marked. */
function ErrorMarker({ expression, position }: { expression: string; position: number }) {
  const chars = [...expression];
  return (
    <code className="duty-expr-error" aria-label={`第${position}个字符处有误`}>
      {chars.slice(0, position - 1).join('')}
      <mark>{chars[position - 1] ?? ' '}</mark>
      {chars.slice(position).join('')}
    </code>
  );
}

/** The page. */
export function SchemesPage() {
  const schemes = useApi<KeywordScheme[]>('/api/monitor/schemes');
  const regions = useRegions();
  const regionOptions = useMemo(() => regionTree((regions.data ?? []).filter((r) => r.level <= 3)), [regions.data]);
  const [form] = Form.useForm<SchemeForm>();
  const [editing, setEditing] = useState<KeywordScheme | null>(null);
  const [preview, setPreview] = useState<SchemePreview | null>(null);
  const [syntax, setSyntax] = useState<{ expression: string; position: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'preview' | null>(null);
  const { message } = App.useApp();

  /** A 400 on the expression names the character (「第N个字符」): keep it for the marker. */
  const onError = (e: unknown, expression: string) => {
    const problem = e instanceof ApiError ? e.details.find((d) => d.field === 'body.expression') : undefined;
    const position = Number(/第(\d+)个字符/.exec(problem?.message ?? '')?.[1] ?? 0);
    setSyntax(position > 0 ? { expression, position } : null);
    setError(showApiError(form, e, ['name', 'topic', 'regionCode', 'expression', 'lastN']));
  };

  const runPreview = async () => {
    const v = await form.validateFields(['expression', 'lastN', 'regionCode']);
    setBusy('preview');
    setError(null);
    setSyntax(null);
    try {
      const res = await api.post<SchemePreview>('/api/monitor/schemes/preview', { expression: v.expression, regionCode: v.regionCode || undefined, lastN: v.lastN });
      setPreview(res.data);
    } catch (e) {
      setPreview(null);
      onError(e, v.expression);
    } finally {
      setBusy(null);
    }
  };

  const save = async (v: SchemeForm) => {
    setBusy('save');
    setError(null);
    setSyntax(null);
    const body = { name: v.name.trim(), topic: v.topic.trim(), regionCode: v.regionCode || (editing ? null : undefined), expression: v.expression };
    try {
      if (editing) await api.patch(`/api/monitor/schemes/${editing.id}`, body);
      else await api.post('/api/monitor/schemes', body);
      message.success(editing ? `已保存「${body.name}」` : `已新增方案「${body.name}」`);
      setEditing(null);
      form.resetFields();
      schemes.reload();
    } catch (e) {
      onError(e, v.expression);
    } finally {
      setBusy(null);
    }
  };

  const toggle = async (s: KeywordScheme, isActive: boolean) => {
    try {
      await api.patch(`/api/monitor/schemes/${s.id}`, { isActive });
      message.success(isActive ? `已启用「${s.name}」` : `已停用「${s.name}」`);
      schemes.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const edit = (s: KeywordScheme) => {
    setEditing(s);
    setPreview(null);
    setSyntax(null);
    form.setFieldsValue({ name: s.name, topic: s.topic, regionCode: s.regionCode ?? undefined, expression: s.expression });
  };

  return (
    <>
      <PageHeader title="监测方案" crumbs={[{ label: '系统管理' }, { label: '监测方案' }]}>
        按主题和区域设置关键词表达式，筛选需要关注的帖文。空格表示“并且”，| 表示“或者”，-词 或 NOT 表示排除，可用括号和英文引号（短语）。
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <Card size="small" title="方案列表">
            {schemes.error ? (
              <ErrorState error={schemes.error} onRetry={schemes.reload} />
            ) : (
              <Table<KeywordScheme>
                rowKey="id"
                size="small"
                loading={schemes.isLoading}
                dataSource={schemes.data ?? []}
                pagination={false}
                locale={{ emptyText: '还没有监测方案。在右侧填写名称、主题和表达式新增一个。' }}
                columns={[
                  { title: '名称', dataIndex: 'name' },
                  { title: '主题', dataIndex: 'topic' },
                  { title: '区域', dataIndex: 'regionName', render: (v: string | null) => v ?? '全市' },
                  { title: '表达式', dataIndex: 'expression', render: (e: string) => <code className="duty-expr">{e}</code> },
                  {
                    title: '启用',
                    dataIndex: 'isActive',
                    width: 70,
                    render: (on: boolean, s) => <Switch size="small" checked={on} onChange={(v) => toggle(s, v)} aria-label={`${on ? '停用' : '启用'}方案${s.name}`} />,
                  },
                  { title: '操作', key: 'op', width: 70, render: (_: unknown, s) => <Button size="small" onClick={() => edit(s)}>编辑</Button> },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card size="small" title={editing ? `编辑方案「${editing.name}」` : '新增方案'} extra={editing && <Button size="small" onClick={() => { setEditing(null); form.resetFields(); }}>取消编辑</Button>}>
            <Form form={form} layout="vertical" onFinish={save} name="scheme" initialValues={{ lastN: 500 }}>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="name" label="方案名称" rules={[{ required: true, whitespace: true, message: '请填写方案名称' }]}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="topic" label="主题" rules={[{ required: true, whitespace: true, message: '请填写主题' }]}>
                    <Input maxLength={50} placeholder="如：劳动保障、环境污染" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="regionCode" label="适用区域（不选为全市）">
                <TreeSelect allowClear showSearch treeNodeFilterProp="label" treeData={regionOptions} placeholder="全市" />
              </Form.Item>
              <Form.Item name="expression" label="关键词表达式" rules={[{ required: true, whitespace: true, message: '请填写表达式' }]} extra='例：(拖欠 | 克扣) (工资 | 薪水) -广告　或　"燃气泄漏" | 煤气味'>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} className="duty-expr" />
              </Form.Item>
              {syntax && <ErrorMarker expression={syntax.expression} position={syntax.position} />}
              {error && <Alert type="error" showIcon message={error} style={{ margin: '8px 0' }} />}
              <Space wrap align="end">
                <Form.Item name="lastN" label="测试最近帖文数" style={{ marginBottom: 0 }} rules={[{ required: true, message: '请填写条数' }]}>
                  <InputNumber min={1} max={5000} step={100} />
                </Form.Item>
                <Button onClick={runPreview} loading={busy === 'preview'}>
                  测试方案
                </Button>
                <Button type="primary" htmlType="submit" loading={busy === 'save'}>
                  {editing ? '保存修改' : '新增方案'}
                </Button>
              </Space>
            </Form>
          </Card>
          {preview && (
            <Card size="small" title="测试结果" style={{ marginTop: 16 }} data-testid="scheme-preview">
              <Typography.Paragraph>
                在最近 {preview.scanned} 条帖文中命中 <Typography.Text strong>{preview.matched}</Typography.Text> 条
                {preview.terms.length > 0 && (
                  <>
                    ；关键词：
                    {preview.terms.map((t) => (
                      <Tag key={t}>{t}</Tag>
                    ))}
                  </>
                )}
              </Typography.Paragraph>
              {preview.posts.length === 0 ? (
                <Typography.Text type="secondary">没有命中的帖文。可放宽条件或增加测试条数。</Typography.Text>
              ) : (
                <ul className="duty-preview">
                  {preview.posts.map((p) => (
                    <li key={p.id}>
                      <div className="ws-muted">
                        {PLATFORM_LABELS[p.platform] ?? p.platform} · {formatTime(p.receivedAt)}
                      </div>
                      <Highlighted text={`${p.title ? `${p.title} ` : ''}${p.text}`} hits={p.hits} />
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}

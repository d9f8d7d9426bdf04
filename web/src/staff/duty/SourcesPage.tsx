/**
 * 舆情来源 (/w/admin/sources): where posts come from — push clients (HMAC-signed batches), polled
 * RSS/Atom feeds and file imports. A push source's secret is shown once, at creation or rotation.
 */
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';
import { showApiError } from '../forms';
import { ErrorState, PageHeader } from '../ui';
import { PLATFORM_LABELS, type MonitorSource } from './types';
import './duty.css';

type Kind = MonitorSource['kind'];
const KIND_LABELS: Record<Kind, string> = { push: '推送接口', feed: 'RSS/Atom订阅', import: '文件导入' };

interface SourceForm {
  code: string;
  name: string;
  kind: Kind;
  platform?: string;
  feedUrl?: string;
  pollSeconds?: number;
}

/** The secret, once: copy it now or rotate later. */
function SecretModal({ source, onClose }: { source: MonitorSource | null; onClose: () => void }) {
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(source?.secret ?? '');
      message.success('已复制密钥');
    } catch {
      message.warning('无法自动复制，请手动选中复制');
    }
  };
  return (
    <Modal title={`推送密钥 · ${source?.name ?? ''}`} open={source !== null} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>我已保存，关闭</Button>}>
      <Alert type="warning" showIcon message="密钥只显示这一次，关闭后无法再次查看；遗失请轮换密钥。" style={{ marginBottom: 12 }} />
      <label htmlFor="source-secret" className="ws-inline-label">
        密钥
      </label>
      <Space.Compact style={{ width: '100%', marginTop: 4 }}>
        <Input id="source-secret" readOnly value={source?.secret ?? ''} className="duty-expr" data-testid="source-secret" />
        <Button onClick={copy}>复制</Button>
      </Space.Compact>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        推送时带请求头 X-Minsheng-Source: {source?.code}、X-Minsheng-Timestamp（Unix秒）和 X-Minsheng-Signature: sha256=HMAC-SHA256(密钥, 时间戳 + "." + 请求体) 的十六进制值。
      </Typography.Paragraph>
    </Modal>
  );
}

/** The page. */
export function SourcesPage() {
  const sources = useApi<MonitorSource[]>('/api/monitor/sources');
  const [form] = Form.useForm<SourceForm>();
  const kind = Form.useWatch('kind', form);
  const [shown, setShown] = useState<MonitorSource | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const { message } = App.useApp();

  const create = async (v: SourceForm) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<MonitorSource>('/api/monitor/sources', {
        code: v.code.trim(),
        name: v.name.trim(),
        kind: v.kind,
        platform: v.platform?.trim() || null,
        feedUrl: v.kind === 'feed' ? v.feedUrl?.trim() || null : null,
        ...(v.kind === 'feed' && v.pollSeconds ? { pollSeconds: v.pollSeconds } : {}),
      });
      message.success(`已新增来源「${res.data.name}」`);
      form.resetFields();
      sources.reload();
      if (res.data.secret) setShown(res.data);
    } catch (e) {
      setError(showApiError(form, e, ['code', 'name', 'kind', 'platform', 'feedUrl', 'pollSeconds']));
    } finally {
      setBusy(false);
    }
  };

  const rotate = async (s: MonitorSource) => {
    try {
      const res = await api.post<MonitorSource>(`/api/monitor/sources/${s.id}/rotate-secret`);
      sources.reload();
      setShown(res.data);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const toggle = async (s: MonitorSource, isActive: boolean) => {
    try {
      await api.patch(`/api/monitor/sources/${s.id}`, { isActive });
      message.success(isActive ? `已启用「${s.name}」` : `已停用「${s.name}」`);
      sources.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <PageHeader title="舆情来源" crumbs={[{ label: '系统管理' }, { label: '舆情来源' }]}>
        帖文通过推送接口（签名校验）、RSS/Atom订阅或文件导入进入系统。推送密钥只在新增或轮换时显示一次。
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" title="来源列表">
            {sources.error ? (
              <ErrorState error={sources.error} onRetry={sources.reload} />
            ) : (
              <Table<MonitorSource>
                rowKey="id"
                size="small"
                loading={sources.isLoading}
                dataSource={sources.data ?? []}
                pagination={false}
                scroll={{ x: 820 }}
                locale={{ emptyText: '还没有来源。在右侧新增推送接口或订阅。' }}
                columns={[
                  { title: '代码', dataIndex: 'code', render: (c: string) => <code>{c}</code> },
                  { title: '名称', dataIndex: 'name' },
                  { title: '方式', dataIndex: 'kind', render: (k: Kind) => <Tag>{KIND_LABELS[k]}</Tag> },
                  { title: '平台', dataIndex: 'platform', render: (p: string | null) => (p ? (PLATFORM_LABELS[p] ?? p) : '—') },
                  {
                    title: '状态',
                    key: 'state',
                    render: (_: unknown, s) =>
                      s.kind === 'feed' ? (
                        <span>
                          {s.lastPolledAt ? `最近抓取 ${formatTime(s.lastPolledAt)}` : '尚未抓取'}
                          {s.lastError && <div className="duty-error-text">错误：{s.lastError}</div>}
                        </span>
                      ) : s.kind === 'push' ? (
                        s.hasSecret ? '已设置密钥' : '无密钥'
                      ) : (
                        '—'
                      ),
                  },
                  { title: '启用', dataIndex: 'isActive', width: 70, render: (on: boolean, s) => <Switch size="small" checked={on} onChange={(v) => toggle(s, v)} aria-label={`${on ? '停用' : '启用'}来源${s.name}`} /> },
                  {
                    title: '操作',
                    key: 'op',
                    width: 100,
                    render: (_: unknown, s) =>
                      s.kind === 'push' ? (
                        <Popconfirm title="轮换后旧密钥立即失效，推送端须换用新密钥。继续？" okText="轮换" cancelText="取消" onConfirm={() => rotate(s)}>
                          <Button size="small">轮换密钥</Button>
                        </Popconfirm>
                      ) : null,
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title="新增来源">
            <Form form={form} layout="vertical" onFinish={create} name="source" initialValues={{ kind: 'push', pollSeconds: 300 }}>
              <Form.Item name="kind" label="接入方式" rules={[{ required: true }]}>
                <Select options={(Object.keys(KIND_LABELS) as Kind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
              </Form.Item>
              <Form.Item name="code" label="来源代码" rules={[{ required: true, whitespace: true, message: '请填写来源代码' }]} extra="小写字母、数字、- 和 _，推送时放在 X-Minsheng-Source 请求头">
                <Input maxLength={50} placeholder="如 weibo-push" />
              </Form.Item>
              <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
                <Input maxLength={100} placeholder="如 微博舆情推送" />
              </Form.Item>
              <Form.Item name="platform" label="默认平台（选填）">
                <Select allowClear options={Object.entries(PLATFORM_LABELS).map(([value, label]) => ({ value, label }))} placeholder="帖文未注明平台时使用" />
              </Form.Item>
              {kind === 'feed' && (
                <>
                  <Form.Item name="feedUrl" label="订阅地址" rules={[{ required: true, message: '请填写订阅地址' }]}>
                    <Input placeholder="https://…" />
                  </Form.Item>
                  <Form.Item name="pollSeconds" label="抓取间隔（秒）">
                    <InputNumber min={10} max={86400} step={60} />
                  </Form.Item>
                </>
              )}
              {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
              <Button type="primary" htmlType="submit" loading={isBusy}>
                新增来源
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
      <SecretModal source={shown} onClose={() => setShown(null)} />
    </>
  );
}

/** 答复模板 (/w/admin/templates): reusable reply texts per category, offered in the reply form. */
import { Alert, App, Button, Card, Col, Form, Input, Popconfirm, Row, Table, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { LIMITS } from '../../../../shared/domain';
import { api, errorText } from '../../api';
import { categoryPath, categoryTree } from '../../tree';
import type { ReplyTemplate } from '../../types';
import { useApi } from '../../useApi';
import { showApiError } from '../forms';
import { useCategories } from '../../refdata';
import { ErrorState, PageHeader } from '../ui';

/** The template list beside the creation form. */
export function TemplatesPage() {
  const [category, setCategory] = useState<string | undefined>();
  const templates = useApi<ReplyTemplate[]>('/api/reply-templates', { category });
  const categories = useCategories();
  const options = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const [form] = Form.useForm<{ categoryCode?: string; title: string; body: string }>();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const { message } = App.useApp();

  const create = async (v: { categoryCode?: string; title: string; body: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/reply-templates', { categoryCode: v.categoryCode || undefined, title: v.title.trim(), body: v.body.trim() });
      message.success('已新增模板');
      form.resetFields();
      templates.reload();
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (t: ReplyTemplate) => {
    try {
      await api.del(`/api/reply-templates/${t.id}`);
      message.success(`已删除「${t.title}」`);
      templates.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <PageHeader title="答复模板" crumbs={[{ label: '系统管理' }, { label: '答复模板' }]}>
        承办人答复时可按诉求分类选用模板，再按实际办理情况修改。
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small">
            <div style={{ marginBottom: 12 }}>
              <label htmlFor="template-category" className="ws-inline-label">
                分类
              </label>
              <TreeSelect id="template-category" allowClear showSearch treeNodeFilterProp="label" treeData={options} value={category} onChange={(v?: string) => setCategory(v || undefined)} placeholder="全部分类" style={{ width: 260 }} />
            </div>
            {templates.error ? (
              <ErrorState error={templates.error} onRetry={templates.reload} />
            ) : (
              <Table<ReplyTemplate>
                rowKey="id"
                size="small"
                loading={templates.isLoading}
                dataSource={templates.data ?? []}
                locale={{ emptyText: '还没有模板。在右侧填写标题和内容新增一个。' }}
                expandable={{ expandedRowRender: (t) => <div className="ws-body">{t.body}</div> }}
                columns={[
                  { title: '标题', dataIndex: 'title' },
                  { title: '分类', dataIndex: 'categoryCode', render: (c: string | null) => (c ? categoryPath(categories.data, c) : '通用') },
                  {
                    title: '操作',
                    key: 'del',
                    width: 80,
                    render: (_: unknown, t) => (
                      <Popconfirm title={`删除模板「${t.title}」？`} okText="删除" cancelText="取消" onConfirm={() => remove(t)}>
                        <Button size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="新增模板">
            <Form form={form} layout="vertical" onFinish={create} name="template">
              <Form.Item name="categoryCode" label="适用分类（不选为通用）">
                <TreeSelect allowClear showSearch treeNodeFilterProp="label" treeData={options} placeholder="通用" />
              </Form.Item>
              <Form.Item name="title" label="模板标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="body" label="模板内容" rules={[{ required: true, whitespace: true, message: '请填写内容' }]}>
                <Input.TextArea autoSize={{ minRows: 6, maxRows: 14 }} maxLength={LIMITS.replyMax} showCount />
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

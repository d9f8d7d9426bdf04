/**
 * 热线录入 (/w/hotline): the 12345 operator types a call in without touching the mouse — the phone
 * field has focus, Tab walks the fields, Ctrl+Enter submits. The caller's history appears once the
 * number is complete; category suggestions appear when the dispatch service answers.
 */
import { Alert, App, Button, Card, Col, Empty, Form, Input, List, Row, Space, Switch, Tag, TreeSelect, Typography, type InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { LIMITS, PHONE_PATTERN } from '../../../shared/domain';
import { api, errorText } from '../api';
import { formatTime, isCompleteMobile } from '../format';
import { categoryTree } from '../tree';
import type { AppealDetail, AppealSummary } from '../types';
import { useApi } from '../useApi';
import { showApiError } from './forms';
import { useWorkbench } from './me';
import { useDispatchSuggestion } from './suggest';
import { useCategories } from '../refdata';
import { PageHeader, StatusTag } from './ui';

interface HotlineValues {
  phone: string;
  residentName?: string;
  title?: string;
  body: string;
  categoryCode?: string;
  address?: string;
  isConfidential: boolean;
  mayPublish: boolean;
}

const INITIAL: Partial<HotlineValues> = { isConfidential: false, mayPublish: false };

/** The entry form beside the caller's history. */
export function HotlinePage() {
  const [form] = Form.useForm<HotlineValues>();
  const phoneRef = useRef<InputRef>(null);
  const phone = (Form.useWatch('phone', form) ?? '').trim();
  const title = Form.useWatch('title', form);
  const body = Form.useWatch('body', form);
  const suggestion = useDispatchSuggestion(title, body);
  const categories = useCategories();
  const categoryOptions = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const categoryNames = useMemo(() => new Map((categories.data ?? []).map((c) => [c.code, c.name])), [categories.data]);
  const history = useApi<AppealSummary[]>(isCompleteMobile(phone) ? '/api/appeals' : null, { phone, pageSize: 10 });
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<AppealDetail | null>(null);
  const { message } = App.useApp();
  const { refreshCounts } = useWorkbench();

  // Focus the phone field on arrival and after every submission or reset; an effect runs after the
  // emptied form has re-rendered (resetFields remounts the inputs).
  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => phoneRef.current?.focus(), [focusTick]);

  const submit = async () => {
    setError(null);
    let v: HotlineValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const res = await api.post<AppealDetail>('/api/appeals', {
        phone: v.phone.trim(),
        residentName: v.residentName?.trim() || undefined,
        title: v.title?.trim() || undefined,
        body: v.body.trim(),
        categoryCode: v.categoryCode || undefined,
        address: v.address?.trim() || undefined,
        isConfidential: v.isConfidential,
        mayPublish: v.mayPublish,
        channel: 'hotline',
      });
      setCreated(res.data);
      message.success(`已录入，受理编号 ${res.data.trackingCode}`);
      form.resetFields();
      refreshCounts();
      setFocusTick((t) => t + 1);
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="热线录入" crumbs={[{ label: '工作台', to: '/w' }, { label: '热线录入' }]}>
        光标已在来电号码；Tab 切换字段，<kbd>Ctrl</kbd>+<kbd>Enter</kbd> 提交。
      </PageHeader>
      {created && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setCreated(null)}
          style={{ marginBottom: 16 }}
          message={
            <span>
              已录入：受理编号 <b className="ws-code">{created.trackingCode}</b>（{created.title}）。<Link to={`/w/appeals/${created.id}`}>打开诉求</Link>
            </span>
          }
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small">
            <Form
              form={form}
              name="hotline"
              layout="horizontal"
              labelCol={{ flex: '96px' }}
              initialValues={INITIAL}
              onFinish={submit}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void submit();
                }
              }}
            >
              <Form.Item
                name="phone"
                label="来电号码"
                rules={[
                  { required: true, message: '请输入来电号码' },
                  { pattern: PHONE_PATTERN, message: '手机号11位，座机带区号' },
                ]}
              >
                <Input ref={phoneRef} inputMode="tel" autoComplete="off" placeholder="手机号或带区号的座机" maxLength={13} />
              </Form.Item>
              <Form.Item name="residentName" label="来电人">
                <Input placeholder="如：王先生（选填）" maxLength={50} autoComplete="off" />
              </Form.Item>
              <Form.Item name="title" label="标题">
                <Input placeholder="选填，不填取内容前30字" maxLength={LIMITS.titleMax} autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="body"
                label="诉求内容"
                rules={[
                  { required: true, whitespace: true, message: '请记录诉求内容' },
                  { min: LIMITS.bodyMin, message: `至少${LIMITS.bodyMin}个字` },
                ]}
              >
                <Input.TextArea autoSize={{ minRows: 5, maxRows: 12 }} maxLength={LIMITS.bodyMax} showCount placeholder="时间、地点、事情经过、来电人诉求" />
              </Form.Item>
              {suggestion && (suggestion.categories.length > 0 || suggestion.units.length > 0) && (
                <Form.Item label="智能建议" colon>
                  <div aria-live="polite">
                    <Space wrap size={[4, 4]}>
                      {suggestion.categories.slice(0, 3).map((c) => (
                        <Button key={c.code} size="small" onClick={() => form.setFieldValue('categoryCode', c.code)}>
                          {categoryNames.get(c.code) ?? c.name} {Math.round(c.p * 100)}%
                        </Button>
                      ))}
                    </Space>
                    {suggestion.units.length > 0 && (
                      <div className="ws-muted" style={{ marginTop: 4 }}>
                        建议承办：{suggestion.units.slice(0, 3).map((u) => `${u.name}（${Math.round(u.p * 100)}%）`).join('、')}
                        {suggestion.units[0]?.why && suggestion.units[0].why.length > 0 && <div>依据：{suggestion.units[0].why.join('；')}</div>}
                      </div>
                    )}
                    {suggestion.place && suggestion.place.level !== 'city' && <div className="ws-muted">发生地：{suggestion.place.regionName}</div>}
                    {suggestion.urgency?.isUrgent && (
                      <div style={{ color: '#cf1322' }} role="alert">
                        紧急：{suggestion.urgency.reasons.join('；')}
                      </div>
                    )}
                  </div>
                </Form.Item>
              )}
              <Form.Item name="categoryCode" label="问题分类">
                <TreeSelect allowClear showSearch treeNodeFilterProp="label" treeData={categoryOptions} placeholder="输入分类名称搜索（选填）" />
              </Form.Item>
              <Form.Item name="address" label="地点">
                <Input placeholder="区县、街道、小区或路名（选填）" maxLength={LIMITS.addressMax} autoComplete="off" />
              </Form.Item>
              <Row>
                <Col span={12}>
                  <Form.Item name="isConfidential" label="保密" valuePropName="checked" labelCol={{ flex: '96px' }}>
                    <Switch />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="mayPublish" label="同意公开" valuePropName="checked" labelCol={{ flex: '96px' }}>
                    <Switch />
                  </Form.Item>
                </Col>
              </Row>
              {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
              <Form.Item wrapperCol={{ offset: 0 }} style={{ marginBottom: 0 }}>
                <Space>
                  <Button type="primary" htmlType="submit" loading={isBusy}>
                    提交（Ctrl+Enter）
                  </Button>
                  <Button
                    onClick={() => {
                      form.resetFields();
                      setFocusTick((t) => t + 1);
                    }}
                  >
                    清空
                  </Button>
                </Space>
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title="来电人历史诉求" aria-live="polite">
            {!isCompleteMobile(phone) ? (
              <Typography.Text type="secondary">输入完整的11位手机号后显示该来电人的历史诉求。</Typography.Text>
            ) : history.isLoading ? (
              <Card loading bordered={false} />
            ) : history.error ? (
              <Typography.Text type="danger">{errorText(history.error)}</Typography.Text>
            ) : (history.data ?? []).length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该号码没有历史诉求，是首次来电。" />
            ) : (
              <List
                size="small"
                header={<span>共 {history.page?.total ?? history.data?.length} 件</span>}
                dataSource={history.data ?? []}
                renderItem={(a) => (
                  <List.Item key={a.id}>
                    <Space direction="vertical" size={0} style={{ width: '100%' }}>
                      <Space wrap>
                        <Link to={`/w/appeals/${a.id}`}>{a.title}</Link>
                        <StatusTag status={a.status} label={a.statusLabel} />
                      </Space>
                      <span className="ws-muted">
                        <span className="ws-code">{a.trackingCode}</span> · {formatTime(a.createdAt)}
                      </span>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card size="small" title="录入提示" style={{ marginTop: 16 }}>
            <ul className="ws-tips">
              <li>来电人要求保密时打开「保密」，承办单位将看不到其姓名和电话。</li>
              <li>征得来电人同意后再打开「同意公开」，回音壁会隐去个人信息。</li>
              <li>
                <Tag>Tab</Tag>下一项{'\u3000'}<Tag>Shift+Tab</Tag>上一项{'\u3000'}<Tag>Ctrl+Enter</Tag>提交
              </li>
            </ul>
          </Card>
        </Col>
      </Row>
    </>
  );
}

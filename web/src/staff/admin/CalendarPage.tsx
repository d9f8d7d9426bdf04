/** 节假日日历 (/w/admin/calendar): covered years, local overrides, and importing a new year's schedule. */
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, errorText } from '../../api';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';
import { showApiError } from '../forms';
import { ErrorState, PageHeader } from '../ui';

interface CalendarInfo {
  coveredYears: number[];
  loaded: { year: number; source: string; loadedAt: string; days: number }[];
  overrides: { date: string; isOffDay: boolean; name: string }[];
}

/** Overrides and year import. */
export function CalendarPage() {
  const info = useApi<CalendarInfo>('/api/admin/calendar');
  const [form] = Form.useForm<{ date: string; isOffDay: boolean; name: string }>();
  const [overrideError, setOverrideError] = useState<string | null>(null);
  const [json, setJson] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState<'override' | 'import' | null>(null);
  const { message } = App.useApp();

  const saveOverride = async (v: { date: string; isOffDay: boolean; name: string }) => {
    setBusy('override');
    setOverrideError(null);
    try {
      await api.put(`/api/admin/calendar/overrides/${v.date}`, { isOffDay: v.isOffDay, name: v.name.trim() });
      message.success(`已设置 ${v.date} 为${v.isOffDay ? '休息日' : '工作日'}，相关时限已重算`);
      form.resetFields();
      info.reload();
    } catch (e) {
      setOverrideError(showApiError(form, e));
    } finally {
      setBusy(null);
    }
  };

  const importYear = async () => {
    setImportError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      setImportError('不是有效的 JSON，请粘贴 holiday-cn 格式的年度文件内容');
      return;
    }
    setBusy('import');
    try {
      await api.post('/api/admin/calendar/years', parsed);
      message.success('已导入年度节假日安排，暂定时限已重算');
      setJson('');
      info.reload();
    } catch (e) {
      setImportError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    setJson(await file.text());
  };

  return (
    <>
      <PageHeader title="节假日日历" crumbs={[{ label: '系统管理' }, { label: '节假日日历' }]}>
        办理时限按工作日计算。国务院办公厅公布下一年放假安排后在此导入；本地临时调整用「单日调整」。
      </PageHeader>
      {info.error ? (
        <ErrorState error={info.error} onRetry={info.reload} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title="已覆盖年度" loading={info.isLoading}>
              <Space wrap>
                {(info.data?.coveredYears ?? []).map((y) => (
                  <Tag key={y} color="blue">
                    {y}年
                  </Tag>
                ))}
              </Space>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                未覆盖年度的时限按周末计算并标记为「暂定」。
              </Typography.Paragraph>
              <Table
                rowKey="year"
                size="small"
                pagination={false}
                dataSource={info.data?.loaded ?? []}
                locale={{ emptyText: '尚未导入额外年度（内置 2020–2026 年安排）。' }}
                columns={[
                  { title: '年度', dataIndex: 'year' },
                  { title: '来源', dataIndex: 'source' },
                  { title: '日期条目', dataIndex: 'days' },
                  { title: '导入时间', dataIndex: 'loadedAt', render: (t: string) => formatTime(t) },
                ]}
              />
            </Card>
            <Card size="small" title="单日调整" style={{ marginTop: 16 }}>
              <Form form={form} layout="inline" onFinish={saveOverride} initialValues={{ isOffDay: true }} name="override">
                <Form.Item
                  name="date"
                  label="日期"
                  rules={[{ required: true, message: '请选择日期' }]}
                  getValueProps={(v?: string) => ({ value: v ? dayjs(v) : null })}
                  normalize={(d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
                >
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="isOffDay" label="休息日" valuePropName="checked">
                  <Switch checkedChildren="休" unCheckedChildren="班" />
                </Form.Item>
                <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
                  <Input placeholder="如：防汛调休" maxLength={50} />
                </Form.Item>
                <Form.Item>
                  <Button type="primary" htmlType="submit" loading={isBusy === 'override'}>
                    保存
                  </Button>
                </Form.Item>
              </Form>
              {overrideError && <Alert type="error" showIcon message={overrideError} style={{ marginTop: 12 }} />}
              <Table
                rowKey="date"
                size="small"
                style={{ marginTop: 12 }}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={info.data?.overrides ?? []}
                locale={{ emptyText: '没有单日调整。' }}
                columns={[
                  { title: '日期', dataIndex: 'date' },
                  { title: '类型', dataIndex: 'isOffDay', render: (v: boolean) => (v ? <Tag color="red">休息日</Tag> : <Tag color="blue">工作日</Tag>) },
                  { title: '名称', dataIndex: 'name' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title="导入年度节假日安排">
              <Typography.Paragraph type="secondary">
                粘贴或选择 holiday-cn 格式的 JSON 文件（包含 <code>year</code> 和 <code>days</code>）。
              </Typography.Paragraph>
              <input id="calendar-file" className="visually-hidden ws-file-input" type="file" accept="application/json,.json" onChange={(e) => void readFile(e.target.files?.[0])} />
              <label htmlFor="calendar-file" className="ws-file-button">
                选择 JSON 文件…
              </label>
              {fileName && <span className="ws-muted" style={{ marginLeft: 8 }}>{fileName}</span>}
              <label className="ws-field-label" htmlFor="calendar-json">
                年度 JSON
              </label>
              <Input.TextArea id="calendar-json" value={json} onChange={(e) => setJson(e.target.value)} autoSize={{ minRows: 10, maxRows: 20 }} placeholder='{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}' className="ws-code" />
              {importError && <Alert type="error" showIcon message={importError} style={{ marginTop: 12 }} />}
              <Button type="primary" style={{ marginTop: 12 }} disabled={!json.trim()} loading={isBusy === 'import'} onClick={importYear}>
                导入
              </Button>
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}

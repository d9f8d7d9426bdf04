/**
 * 值班表 (/w/duty/roster): the 24-hour duty roster by week — shifts per day, who is on duty now,
 * adding and removing shifts (admins and the lead duty officer on shift), and the handover notes.
 */
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Empty, Form, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { api, errorText } from '../../api';
import { formatDate, formatTime } from '../../format';
import { useApi } from '../../useApi';
import { showApiError } from '../forms';
import { useWorkbench } from '../me';
import { ErrorState, PageHeader } from '../ui';
import { DutyPanel } from './DutyPanel';
import type { DutyOfficer, DutyShift } from './types';
import './duty.css';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

interface ShiftForm {
  userId: string;
  range: [Dayjs, Dayjs];
  isLead: boolean;
}

/** Monday 00:00 (local time, which for 阜阳 staff is Beijing time) of the week holding `d`. */
function mondayOf(d: Dayjs): Dayjs {
  return d.startOf('day').subtract((d.day() + 6) % 7, 'day');
}

function ShiftFormCard({ officers, onSaved }: { officers: DutyOfficer[]; onSaved: () => void }) {
  const [form] = Form.useForm<ShiftForm>();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const { message } = App.useApp();
  const save = async (v: ShiftForm) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/monitor/roster', { userId: v.userId, startsAt: v.range[0].toISOString(), endsAt: v.range[1].toISOString(), isLead: v.isLead ?? false });
      message.success('已排班');
      form.resetFields(['range', 'isLead']);
      onSaved();
    } catch (e) {
      const text = showApiError(form, e, ['userId', 'isLead']);
      setError(text);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title="新增班次">
      <Form form={form} layout="vertical" onFinish={save} name="shift" initialValues={{ isLead: false }}>
        <Form.Item name="userId" label="值班员" rules={[{ required: true, message: '请选择值班员' }]}>
          <Select showSearch optionFilterProp="label" options={officers.map((o) => ({ value: o.id, label: `${o.displayName}（${o.username}）` }))} placeholder="选择舆情值班员" />
        </Form.Item>
        <Form.Item name="range" label="班次时间（北京时间）" rules={[{ required: true, message: '请选择开始和结束时间' }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" minuteStep={15} style={{ width: '100%' }} placeholder={['开始时间', '结束时间']} />
        </Form.Item>
        <Form.Item name="isLead" valuePropName="checked">
          <Checkbox>带班（可调整值班表）</Checkbox>
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={isBusy}>
          保存班次
        </Button>
      </Form>
    </Card>
  );
}

/** The roster page. */
export function RosterPage() {
  const { me } = useWorkbench();
  const [monday, setMonday] = useState<Dayjs>(() => mondayOf(dayjs()));
  const query = useMemo(() => ({ from: monday.toISOString(), to: monday.add(7, 'day').toISOString() }), [monday]);
  const shifts = useApi<DutyShift[]>('/api/monitor/roster', query);
  const mayEdit = me.role === 'admin' || me.role === 'duty_officer';
  const officers = useApi<DutyOfficer[]>(mayEdit ? '/api/monitor/roster/officers' : null);
  const { message } = App.useApp();
  const now = Date.now();

  const remove = async (s: DutyShift) => {
    try {
      await api.del(`/api/monitor/roster/${s.id}`);
      message.success('已删除班次');
      shifts.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const days = Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'));
  return (
    <>
      <PageHeader
        title="值班表"
        crumbs={[{ label: '舆情值班台', to: '/w/duty' }, { label: '值班表' }]}
        extra={
          <Space>
            <Button onClick={() => setMonday(monday.subtract(7, 'day'))}>上一周</Button>
            <Button onClick={() => setMonday(mondayOf(dayjs()))}>本周</Button>
            <Button onClick={() => setMonday(monday.add(7, 'day'))}>下一周</Button>
          </Space>
        }
      >
        {formatDate(monday.toDate())} 至 {formatDate(monday.add(6, 'day').toDate())}，24小时值班。同一值班员的班次不能重叠；管理员和当班带班值班员可以调整。
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" title="本周班次">
            {shifts.error ? (
              <ErrorState error={shifts.error} onRetry={shifts.reload} />
            ) : (
              <Table<DutyShift>
                rowKey="id"
                size="small"
                loading={shifts.isLoading}
                pagination={false}
                dataSource={shifts.data ?? []}
                locale={{ emptyText: <Empty description={mayEdit ? '本周还没有排班。在右侧选择值班员和时间新增班次。' : '本周还没有排班。'} /> }}
                rowClassName={(s) => (new Date(s.startsAt).getTime() <= now && new Date(s.endsAt).getTime() > now ? 'duty-shift--now' : '')}
                columns={[
                  { title: '日期', key: 'day', render: (_: unknown, s) => `${formatDate(s.startsAt)} ${WEEKDAYS[dayjs(s.startsAt).day()]}` },
                  { title: '时间', key: 'time', render: (_: unknown, s) => `${formatTime(s.startsAt).slice(11)} – ${formatTime(s.endsAt).slice(5)}` },
                  {
                    title: '值班员',
                    key: 'who',
                    render: (_: unknown, s) => (
                      <Space size={4}>
                        {s.displayName}
                        {s.isLead && <Tag color="blue">带班</Tag>}
                        {new Date(s.startsAt).getTime() <= now && new Date(s.endsAt).getTime() > now && <Tag color="green">值班中</Tag>}
                      </Space>
                    ),
                  },
                  ...(mayEdit
                    ? [
                        {
                          title: '操作',
                          key: 'op',
                          width: 80,
                          render: (_: unknown, s: DutyShift) => (
                            <Popconfirm title={`删除 ${s.displayName} 的这个班次？`} okText="删除" cancelText="取消" onConfirm={() => remove(s)}>
                              <Button size="small" danger>
                                删除
                              </Button>
                            </Popconfirm>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
            <div className="duty-week" aria-label="每日值班概览">
              {days.map((d) => {
                const of = (shifts.data ?? []).filter((s) => dayjs(s.startsAt).isBefore(d.add(1, 'day')) && dayjs(s.endsAt).isAfter(d));
                return (
                  <div key={d.toISOString()} className="duty-week__day">
                    <Typography.Text strong>
                      {WEEKDAYS[d.day()]} {d.format('MM-DD')}
                    </Typography.Text>
                    {of.length === 0 ? (
                      <div className="duty-week__gap">无人值班</div>
                    ) : (
                      of.map((s) => {
                        const from = dayjs(s.startsAt).isBefore(d) ? '00:00' : dayjs(s.startsAt).format('HH:mm');
                        const to = dayjs(s.endsAt).isAfter(d.add(1, 'day')) ? '24:00' : dayjs(s.endsAt).format('HH:mm');
                        return (
                          <div key={s.id} className="duty-week__shift">
                            {from}–{to} {s.displayName}
                            {s.isLead ? '（带班）' : ''}
                          </div>
                        );
                      })
                    )}
                  </div>
                );
              })}
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          {mayEdit && <ShiftFormCard officers={officers.data ?? []} onSaved={shifts.reload} />}
          <DutyPanel canWrite={me.role === 'duty_officer'} showRosterLink={false} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        时间均为北京时间。
      </Typography.Paragraph>
    </>
  );
}

/** Who is on duty now and next (值班), and the handover notes (交接班) with a box to write one. */
import { App, Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, errorText } from '../../api';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';
import type { DutyHandover, DutyShift } from './types';

function ShiftLine({ s }: { s: DutyShift }) {
  return (
    <div>
      <Space size={4}>
        <Typography.Text strong>{s.displayName}</Typography.Text>
        {s.isLead && <Tag color="blue">带班</Tag>}
      </Space>
      <div className="ws-muted">
        {formatTime(s.startsAt).slice(5)} – {formatTime(s.endsAt).slice(5)}
      </div>
    </div>
  );
}

/** The panel; only duty officers write handovers. */
export function DutyPanel({ canWrite, showRosterLink = true }: { canWrite: boolean; showRosterLink?: boolean }) {
  const roster = useApi<{ now: DutyShift[]; next: DutyShift[] }>('/api/monitor/roster/now');
  const handovers = useApi<DutyHandover[]>('/api/monitor/handovers', { limit: 5 });
  const [note, setNote] = useState('');
  const [isBusy, setBusy] = useState(false);
  const { message } = App.useApp();

  const save = async () => {
    if (!note.trim()) {
      message.warning('请填写交接内容');
      return;
    }
    setBusy(true);
    try {
      await api.post('/api/monitor/handovers', { note: note.trim() });
      message.success('交接班记录已保存');
      setNote('');
      handovers.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="值班与交接" extra={showRosterLink && <Link to="/w/duty/roster">值班表</Link>} style={{ marginTop: 16 }} data-testid="duty-panel">
      <div className="duty-onduty">
        <div>
          <Typography.Text type="secondary">当前值班</Typography.Text>
          {(roster.data?.now ?? []).length === 0 ? <div className="ws-muted">当前无人排班</div> : roster.data?.now.map((s) => <ShiftLine key={s.id} s={s} />)}
        </div>
        <div>
          <Typography.Text type="secondary">下一班</Typography.Text>
          {(roster.data?.next ?? []).length === 0 ? <div className="ws-muted">尚未排班</div> : roster.data?.next.map((s) => <ShiftLine key={s.id} s={s} />)}
        </div>
      </div>
      {canWrite && (
        <div style={{ marginTop: 12 }}>
          <label htmlFor="duty-handover" className="ws-inline-label">
            交接班记录
          </label>
          <Input.TextArea
            id="duty-handover"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="本班处置情况、需下一班持续关注的事件…"
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
          />
          <Button style={{ marginTop: 8 }} onClick={save} loading={isBusy}>
            保存交接记录
          </Button>
        </div>
      )}
      <List
        size="small"
        style={{ marginTop: 8 }}
        dataSource={handovers.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无交接记录" /> }}
        renderItem={(h) => (
          <List.Item>
            <div>
              <div className="ws-muted">
                {formatTime(h.createdAt)} · {h.authorName}
              </div>
              <div className="duty-handover-note">{h.note}</div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}

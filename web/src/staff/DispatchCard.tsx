/**
 * 智能分派 on the appeal page (intake and dispatch staff): what Minsheng read from the text —
 * category, place, units with confidence and why, urgency — whether it assigned automatically,
 * the corrections made since, and proposed duplicates (疑似重复) to merge or dismiss.
 */
import { Alert, App, Button, Card, List, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { STATUS_LABELS, type AppealStatus } from '../../../shared/workflow';
import { api, errorText } from '../api';
import { formatTime } from '../format';
import type { AppealDispatch } from '../types';
import { useApi } from '../useApi';

/** A proposed duplicate (GET /api/appeals/:id/duplicates). */
interface Duplicate {
  otherId: string;
  trackingCode: string;
  title: string;
  status: AppealStatus;
  score: number;
  reasons: string[];
  createdAt: string;
  candidateStatus?: string;
}

const LEVEL_LABELS: Record<string, string> = { city: '市级（未识别到区县）', county: '区县', town: '乡镇街道', village: '村社区' };
const percent = (p: number) => `${Math.round(p * 100)}%`;

function Reasons({ why }: { why: string[] | undefined }) {
  if (!why || why.length === 0) return null;
  return (
    <ul className="ws-why">
      {why.map((w) => (
        <li key={w}>{w}</li>
      ))}
    </ul>
  );
}

/** The card; hidden for people the dispatch service does not serve (403) or when it is absent. */
export function DispatchCard({ appealId, version }: { appealId: string; version: number }) {
  const s = useApi<AppealDispatch>(`/api/appeals/${appealId}/dispatch`, { v: version });
  if (s.error || !s.data) return s.isLoading ? <Card title="智能分派" size="small" loading style={{ marginBottom: 16 }} /> : null;
  const d = s.data;
  return (
    <Card
      title="智能分派"
      size="small"
      style={{ marginBottom: 16 }}
      extra={d.isAutoAssigned ? <Tag color="purple">已自动交办</Tag> : d.autoAssign ? <Tag color="purple">达到自动交办阈值</Tag> : null}
    >
      {d.urgency?.isUrgent && <Alert type="error" showIcon message="建议按紧急件办理" description={d.urgency.reasons.join('；')} style={{ marginBottom: 8 }} />}
      <Typography.Text strong>问题分类</Typography.Text>
      {d.categories.length === 0 ? (
        <p className="ws-muted">暂无分类模型。</p>
      ) : (
        <div style={{ margin: '4px 0 8px' }}>
          {d.categories.map((c) => (
            <Tag key={c.code} color={c === d.categories[0] ? 'blue' : undefined}>
              {c.name} {percent(c.p)}
            </Tag>
          ))}
        </div>
      )}
      {d.place && (
        <>
          <Typography.Text strong>发生地</Typography.Text>
          <p style={{ margin: '4px 0 0' }}>
            {d.place.regionName} <span className="ws-muted">（{LEVEL_LABELS[d.place.level] ?? d.place.level}）</span>
            {d.place.detail.length > 0 && <span className="ws-muted"> · {d.place.detail.join('、')}</span>}
          </p>
          <Reasons why={d.place.why} />
        </>
      )}
      <Typography.Text strong>建议主办单位</Typography.Text>
      {d.units.length === 0 ? (
        <p className="ws-muted">没有匹配的规则或历史，请人工选择。</p>
      ) : (
        <List
          size="small"
          dataSource={d.units}
          renderItem={(u, i) => (
            <List.Item key={u.unitId} style={{ display: 'block' }}>
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <span>
                  {i === 0 && <Tag color="blue">首选</Tag>}
                  {u.name}
                </span>
                <Tooltip title="置信度">
                  <Progress percent={Math.round(u.p * 100)} size="small" style={{ width: 110, margin: 0 }} />
                </Tooltip>
              </Space>
              <Reasons why={u.why} />
            </List.Item>
          )}
        />
      )}
      {d.corrections.length > 0 && (
        <p className="ws-muted" style={{ margin: '8px 0 0' }}>
          已更正 {d.corrections.length} 次（{d.corrections.map((c) => `${c.kind === 'unit' ? '单位' : c.kind === 'category' ? '分类' : '区域'} ${formatTime(c.createdAt)}`).join('；')}），将用于下次模型训练。
        </p>
      )}
      <Duplicates appealId={appealId} version={version} />
    </Card>
  );
}

/** Proposed duplicates with a dismiss button; merging is the 并案 action in the action bar. */
function Duplicates({ appealId, version }: { appealId: string; version: number }) {
  const list = useApi<Duplicate[]>(`/api/appeals/${appealId}/duplicates`, { v: version });
  const { message } = App.useApp();
  const rows = (list.data ?? []).filter((x) => (x.candidateStatus ?? 'proposed') === 'proposed');
  if (list.error || rows.length === 0) return null;
  const dismiss = async (otherId: string) => {
    try {
      await api.post(`/api/appeals/${appealId}/duplicates/${otherId}/dismiss`, {});
      message.success('已标记为不重复');
      list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <>
      <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
        疑似重复（可用“并案”合并）
      </Typography.Text>
      <List
        size="small"
        dataSource={rows}
        renderItem={(x) => (
          <List.Item key={x.otherId} actions={[<Button key="d" size="small" type="link" onClick={() => void dismiss(x.otherId)}>不重复</Button>]}>
            <Space direction="vertical" size={0}>
              <Link to={`/w/appeals/${x.otherId}`}>
                {x.trackingCode} {x.title}
              </Link>
              <span className="ws-muted">
                相似度 {percent(x.score)} · {STATUS_LABELS[x.status] ?? x.status} · {formatTime(x.createdAt)}
              </span>
              <Reasons why={x.reasons} />
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}

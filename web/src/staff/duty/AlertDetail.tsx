/**
 * The selected alert: the post (or its story) with the engagement chart, why it alerted, what smart
 * dispatch proposes, and the duty officer's buttons 转为诉求 / 已处置 / 无关.
 */
import { Alert, App, Button, Card, Descriptions, Input, List, Modal, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LIMITS } from '../../../../shared/domain';
import { api, errorText } from '../../api';
import { formatTime } from '../../format';
import { useApi } from '../../useApi';
import type { Suggestion } from '../../types';
import { useDispatchSuggestion } from '../suggest';
import { ErrorState } from '../ui';
import { DispatchModal } from './DispatchModal';
import { EngagementChart } from './EngagementChart';
import { ALERT_STATUS_LABELS, LEVEL_COLORS, LEVEL_LABELS, PLATFORM_LABELS, type AlertView, type DispatchResult, type PostDetail, type StoryDetail } from './types';

type Outcome = 'handled' | 'irrelevant';
const OUTCOME_LABELS: Record<Outcome, string> = { handled: '已处置', irrelevant: '无关' };

function Proposal({ suggestion }: { suggestion: Suggestion | null }) {
  if (!suggestion) return <Typography.Text type="secondary">正在分析承办单位…（智能分派不可用时请在转办时人工选择）</Typography.Text>;
  return (
    <>
      {suggestion.urgency?.isUrgent && <Alert type="error" showIcon message="建议按紧急件办理" description={suggestion.urgency.reasons.join('；')} style={{ marginBottom: 8 }} />}
      {suggestion.units.length === 0 ? (
        <Typography.Text type="secondary">没有匹配的承办单位，请在转办时人工选择。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={suggestion.units.slice(0, 3)}
          renderItem={(u, i) => (
            <List.Item>
              <div>
                <Space>
                  {i === 0 && <Tag color="blue">建议</Tag>}
                  <Typography.Text strong={i === 0}>{u.name}</Typography.Text>
                  <span className="ws-muted">置信度 {Math.round(u.p * 100)}%</span>
                </Space>
                {u.why && u.why.length > 0 && <div className="ws-muted duty-why">{u.why.join('；')}</div>}
              </div>
            </List.Item>
          )}
        />
      )}
      {suggestion.categories[0] && <div className="ws-muted">建议分类：{suggestion.categories[0].name}</div>}
    </>
  );
}

/** The detail panel of one alert. */
export function AlertDetail({ alert, canAct, onChanged }: { alert: AlertView; canAct: boolean; onChanged: (a: AlertView) => void }) {
  const post = useApi<PostDetail>(`/api/monitor/posts/${alert.post.id}`, { v: alert.updatedAt });
  const hasStory = alert.story.postCount > 1;
  const story = useApi<StoryDetail>(hasStory ? `/api/monitor/stories/${alert.story.id}` : null, { v: alert.updatedAt });
  const [chartOf, setChartOf] = useState<'post' | 'story'>('post');
  const suggestion = useDispatchSuggestion(alert.post.title ?? alert.story.label, alert.post.text);
  const [isDispatching, setDispatching] = useState(false);
  const [marking, setMarking] = useState<Outcome | null>(null);
  const [note, setNote] = useState('');
  const [isBusy, setBusy] = useState(false);
  const { message } = App.useApp();
  const p = post.data ?? { ...alert.post, engagement: [], story: null, dispatch: null };

  const mark = async () => {
    if (!marking) return;
    setBusy(true);
    try {
      const res = await api.post<AlertView>(`/api/monitor/alerts/${alert.id}/handle`, { outcome: marking, note: note.trim() || undefined });
      message.success(`已标记为「${OUTCOME_LABELS[marking]}」`);
      setMarking(null);
      setNote('');
      onChanged(res.data);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const dispatched = (r: DispatchResult) => {
    setDispatching(false);
    onChanged({ ...alert, status: 'dispatched', appealId: r.appealId, updatedAt: new Date().toISOString() });
  };

  const isOpen = alert.status === 'open';
  return (
    <Card
      size="small"
      data-testid="alert-detail"
      title={
        <Space size={4} className="duty-detail-head">
          <Tag color={LEVEL_COLORS[alert.level]}>{LEVEL_LABELS[alert.level]}预警</Tag>
          <Tag>{ALERT_STATUS_LABELS[alert.status]}</Tag>
          <span className="duty-detail-title" title={alert.story.label}>
            {alert.story.label}
          </span>
        </Space>
      }
    >
      {alert.reasons.length > 0 && <Alert type="warning" showIcon message="预警原因" description={alert.reasons.join('；')} style={{ marginBottom: 12 }} />}
      {post.error && <ErrorState error={post.error} onRetry={post.reload} />}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered styles={{ label: { whiteSpace: 'nowrap', width: 96 } }}>
        <Descriptions.Item label="平台">{PLATFORM_LABELS[p.platform] ?? p.platform}</Descriptions.Item>
        <Descriptions.Item label="作者">
          {p.authorName ?? '—'}
          {p.authorVerified && <Tag color="gold" style={{ marginLeft: 6 }}>认证</Tag>}
          {p.authorFollowers !== null && <span className="ws-muted">（粉丝 {p.authorFollowers.toLocaleString('zh-CN')}）</span>}
        </Descriptions.Item>
        <Descriptions.Item label="发布时间">{formatTime(p.publishedAt)}</Descriptions.Item>
        <Descriptions.Item label="发现时间">{formatTime(alert.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="地点">{p.place ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="负面度 / 帖文热度">
          {p.negativity === null ? '—' : `${Math.round(p.negativity * 100)}%`} / {p.heat.toFixed(1)}
        </Descriptions.Item>
        <Descriptions.Item label="互动" span={2}>
          点赞 {p.likes} · 转发 {p.shares} · 评论 {p.comments} · 浏览 {p.views}
        </Descriptions.Item>
      </Descriptions>
      <div className="duty-post-text" data-testid="post-text">
        {p.title && <Typography.Text strong>{p.title}</Typography.Text>}
        <Typography.Paragraph style={{ marginBottom: 4 }}>{p.text}</Typography.Paragraph>
        {p.url && (
          <a href={p.url} target="_blank" rel="noopener noreferrer">
            查看原帖
          </a>
        )}
      </div>
      <div className="duty-section-title">
        <Typography.Text strong>互动趋势</Typography.Text>
        {hasStory && <Segmented size="small" value={chartOf} onChange={(v) => setChartOf(v as 'post' | 'story')} options={[{ value: 'post', label: '本帖' }, { value: 'story', label: `整个事件（${alert.story.postCount}条）` }]} />}
      </div>
      <EngagementChart points={chartOf === 'story' && story.data ? story.data.engagement : p.engagement} label="帖文点赞、转发、评论和浏览随时间变化的折线图" />
      <div className="duty-section-title">
        <Typography.Text strong>智能分派建议</Typography.Text>
      </div>
      <Proposal suggestion={suggestion} />
      {p.dispatch && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          message={
            <span>
              已转为诉求 <Link to={`/w/appeals/${p.dispatch.appealId}`}>{p.dispatch.trackingCode}</Link>，承办单位：{p.dispatch.leadUnitName ?? '—'}
            </span>
          }
        />
      )}
      {canAct && (
        <div className="duty-actions" data-testid="duty-actions">
          {isOpen || !p.dispatch ? (
            <Button type="primary" onClick={() => setDispatching(true)}>
              转为诉求
            </Button>
          ) : null}
          {isOpen ? (
            <>
              <Button onClick={() => setMarking('handled')}>已处置</Button>
              <Button onClick={() => setMarking('irrelevant')}>无关</Button>
            </>
          ) : (
            <span className="ws-muted">该预警当前状态：{ALERT_STATUS_LABELS[alert.status]}。</span>
          )}
        </div>
      )}
      <DispatchModal alert={alert} suggestion={suggestion} isOpen={isDispatching} onClose={() => setDispatching(false)} onDone={dispatched} />
      <Modal
        title={marking ? `标记为「${OUTCOME_LABELS[marking]}」` : ''}
        open={marking !== null}
        onCancel={() => setMarking(null)}
        onOk={mark}
        okText={marking ? `确认${OUTCOME_LABELS[marking]}` : '确认'}
        cancelText="取消"
        confirmLoading={isBusy}
      >
        <Typography.Paragraph type="secondary">
          {marking === 'irrelevant' ? '标记为无关后，同一事件不再预警，类似帖文的预警规则会据此调整。' : '已处置表示已通过其他途径处理，无需转为诉求。'}
        </Typography.Paragraph>
        <label htmlFor="duty-mark-note" className="ws-inline-label">
          说明（选填）
        </label>
        <Input.TextArea id="duty-mark-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={LIMITS.reasonMax} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Modal>
    </Card>
  );
}

/** The alert queue of the duty console: newest first, level in colour and words, new arrivals highlighted (no sound). */
import { Badge, Empty, Segmented, Space, Tag, Tooltip } from 'antd';
import { formatTime } from '../../format';
import { ALERT_STATUS_LABELS, LEVEL_COLORS, LEVEL_LABELS, PLATFORM_LABELS, type AlertView } from './types';
import type { QueueFilter, StreamState } from './useAlertStream';

const FILTERS: { value: QueueFilter; label: string }[] = [
  { value: 'open', label: '待处置' },
  { value: 'dispatched', label: '已转诉求' },
  { value: 'handled', label: '已处置' },
  { value: 'irrelevant', label: '无关' },
  { value: 'all', label: '全部' },
];

const STREAM_TEXT: Record<StreamState, { status: 'success' | 'processing' | 'error'; text: string }> = {
  live: { status: 'success', text: '实时推送已连接' },
  connecting: { status: 'processing', text: '正在连接实时推送…' },
  offline: { status: 'error', text: '实时推送已断开，请刷新页面' },
};

/** The list; Enter or Space on an item selects it, like a click. */
export function AlertQueue(props: {
  alerts: AlertView[];
  fresh: ReadonlySet<string>;
  selectedId: string | null;
  onSelect: (a: AlertView) => void;
  filter: QueueFilter;
  onFilter: (f: QueueFilter) => void;
  state: StreamState;
}) {
  const { alerts, fresh, selectedId, onSelect, filter, onFilter, state } = props;
  const stream = STREAM_TEXT[state];
  return (
    <div>
      <div className="duty-queue__bar">
        <Segmented<QueueFilter> size="small" options={FILTERS} value={filter} onChange={onFilter} aria-label="按处置状态筛选预警" />
        <Badge status={stream.status} text={<span className="ws-muted">{stream.text}</span>} />
      </div>
      {alerts.length === 0 ? (
        <Empty description={filter === 'open' ? '暂无待处置预警。新的预警会实时出现在这里，无需刷新。' : '没有符合条件的预警。'} />
      ) : (
        <ul className="duty-queue" data-testid="alert-queue" aria-label="预警列表">
          {alerts.map((a) => {
            const isSelected = a.id === selectedId;
            const text = a.post.title || a.post.text;
            // Story labels are often the post's first words: do not say the same thing twice.
            const label = a.story.label.replace(/[…。.]+$/, '');
            const isSameAsLabel = text.startsWith(label);
            return (
              <li
                key={a.id}
                data-testid={`alert-${a.id}`}
                className={`duty-alert duty-alert--${a.level}${fresh.has(a.id) ? ' duty-alert--new' : ''}${isSelected ? ' duty-alert--selected' : ''}`}
                tabIndex={0}
                role="button"
                aria-pressed={isSelected}
                aria-label={`${LEVEL_LABELS[a.level]}预警：${a.story.label}`}
                onClick={() => onSelect(a)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect(a);
                  }
                }}
              >
                <Space size={4} wrap>
                  <Tag color={LEVEL_COLORS[a.level]}>{LEVEL_LABELS[a.level]}预警</Tag>
                  {fresh.has(a.id) && <Tag color="blue">新</Tag>}
                  {a.status !== 'open' && <Tag>{ALERT_STATUS_LABELS[a.status]}</Tag>}
                </Space>
                <div className="duty-alert__label">{a.story.label}</div>
                {!isSameAsLabel && <div className="duty-alert__text">{text}</div>}
                <div className="duty-alert__meta">
                  <span>{PLATFORM_LABELS[a.post.platform] ?? a.post.platform}</span>
                  <span>事件热度 {a.story.heat.toFixed(1)}</span>
                  {a.story.postCount > 1 && <span>{a.story.postCount}条相关帖文</span>}
                  <Tooltip title="预警时间（北京时间）">
                    <span>{formatTime(a.createdAt)}</span>
                  </Tooltip>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/**
 * 舆情值班台 (/w/duty): the 24-hour duty console — the live alert queue (new alerts appear on top
 * without reloading), counts per level, the selected alert's post or story with its engagement
 * chart and the proposed unit, and 转为诉求 / 已处置 / 无关; who is on duty and the handover notes.
 */
import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { PageHeader, ErrorState } from '../ui';
import { useWorkbench } from '../me';
import { AlertDetail } from './AlertDetail';
import { AlertQueue } from './AlertQueue';
import { DutyPanel } from './DutyPanel';
import { LEVEL_LABELS, type AlertLevel, type AlertView } from './types';
import { useAlertStream, type QueueFilter } from './useAlertStream';
import './duty.css';

const LEVEL_TEXT_COLORS: Record<AlertLevel, string> = { red: '#c8102e', orange: '#c25e00', yellow: '#8a6d00' };

/** The console. */
export function DutyConsolePage() {
  const { me } = useWorkbench();
  const [filter, setFilter] = useState<QueueFilter>('open');
  const queue = useAlertStream(filter);
  const [selected, setSelected] = useState<AlertView | null>(null);

  // Keep the open panel in step with the live list (a colleague may mark or raise the same alert).
  useEffect(() => {
    if (!selected) return;
    const current = queue.alerts.find((a) => a.id === selected.id);
    if (current && current.updatedAt !== selected.updatedAt) setSelected(current);
  }, [queue.alerts, selected]);

  const c = queue.counts;
  const stats: { label: string; value: number | undefined; color?: string }[] = [
    ...(['red', 'orange', 'yellow'] as const).map((l) => ({ label: `${LEVEL_LABELS[l]}预警（待处置）`, value: c?.open[l], color: LEVEL_TEXT_COLORS[l] })),
    { label: '今日转为诉求', value: c?.dispatchedToday },
    { label: '今日已处置 / 无关', value: c ? c.handledToday + c.irrelevantToday : undefined },
  ];

  return (
    <>
      <PageHeader title="舆情值班台" crumbs={[{ label: '工作台', to: '/w' }, { label: '舆情值班台' }]}>
        预警实时推送，无需刷新页面。选中预警查看帖文与互动趋势，可转为诉求交办、标记已处置或无关。
      </PageHeader>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {stats.map((s) => (
          <Col key={s.label} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={s.label} value={s.value ?? 0} valueStyle={s.color && (s.value ?? 0) > 0 ? { color: s.color } : undefined} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          <Card size="small" title="预警队列" className="duty-queue-card">
            {queue.error ? (
              <ErrorState error={queue.error} onRetry={queue.reload} />
            ) : (
              <AlertQueue alerts={queue.alerts} fresh={queue.fresh} selectedId={selected?.id ?? null} onSelect={setSelected} filter={filter} onFilter={setFilter} state={queue.state} />
            )}
          </Card>
          <DutyPanel canWrite={me.role === 'duty_officer'} />
        </Col>
        <Col xs={24} xl={15}>
          {selected ? (
            <AlertDetail
              key={selected.id}
              alert={selected}
              canAct={me.role === 'duty_officer'}
              onChanged={(a) => {
                setSelected(a);
                queue.apply(a);
              }}
            />
          ) : (
            <Card size="small">
              <Empty description="在左侧选择一条预警，查看帖文、互动趋势和建议承办单位。" />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}

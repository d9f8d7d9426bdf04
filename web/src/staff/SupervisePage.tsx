/**
 * 督办台 (/w/supervise): overdue and soon-due counts by unit (each number opens the appeals behind
 * it), the late appeals with one-click 催办 / 亮牌 / 提级, and the unsatisfied zone.
 */
import { Button, Card, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AppealAction } from '../../../shared/workflow';
import { QUEUE_EMPTY_HINTS } from '../format';
import type { AppealSummary, OverdueByUnit } from '../types';
import { useApi } from '../useApi';
import { ActionModal } from './actions/ActionModal';
import { AppealTable } from './AppealTable';
import { useWorkbench } from './me';
import { ErrorState, PageHeader } from './ui';

const ROW_ACTIONS: { action: AppealAction; label: string; isDanger?: boolean }[] = [
  { action: 'urge', label: '催办' },
  { action: 'warn', label: '亮牌', isDanger: true },
  { action: 'escalate', label: '提级', isDanger: true },
];

/** The supervisor's desk. */
export function SupervisePage() {
  const byUnit = useApi<OverdueByUnit[]>('/api/stats/overdue-by-unit');
  const [pending, setPending] = useState<{ action: AppealAction; appeal: AppealSummary; reload: () => void } | null>(null);
  const { counts, refreshCounts } = useWorkbench();

  const rowActions = (a: AppealSummary, reload: () => void) => (
    <Space size={4}>
      {ROW_ACTIONS.map((r) => (
        <Button key={r.action} size="small" danger={r.isDanger} onClick={() => setPending({ action: r.action, appeal: a, reload })} aria-label={`${r.label}：${a.title}`}>
          {r.label}
        </Button>
      ))}
    </Space>
  );

  const tab = (label: string, n: number | undefined) => (n ? `${label}（${n}）` : label);

  return (
    <>
      <PageHeader title="督办台" crumbs={[{ label: '工作台', to: '/w' }, { label: '督办台' }]}>
        点击数字查看对应诉求；在列表中可直接催办、亮牌或提级督办。
      </PageHeader>
      <Card size="small" title="各单位超期与临期情况" style={{ marginBottom: 16 }}>
        {byUnit.error ? (
          <ErrorState error={byUnit.error} onRetry={byUnit.reload} />
        ) : (
          <Table<OverdueByUnit>
            rowKey="unitId"
            size="small"
            loading={byUnit.isLoading}
            dataSource={[...(byUnit.data ?? [])].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon)}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: '所有单位都没有超期或临期的诉求。' }}
            columns={[
              { title: '单位', dataIndex: 'unitName' },
              {
                title: '已超期',
                dataIndex: 'overdue',
                width: 120,
                sorter: (a, b) => a.overdue - b.overdue,
                render: (n: number, u) =>
                  n > 0 ? (
                    <Link to={`/w/appeals?unit=${u.unitId}&overdue=true`} className="ws-num ws-num--red" aria-label={`${u.unitName}已超期${n}件`}>
                      {n}
                    </Link>
                  ) : (
                    <span className="ws-num">0</span>
                  ),
              },
              {
                title: '即将超期',
                dataIndex: 'dueSoon',
                width: 120,
                sorter: (a, b) => a.dueSoon - b.dueSoon,
                render: (n: number, u) =>
                  n > 0 ? (
                    <Link to={`/w/appeals?unit=${u.unitId}&dueSoon=true`} className="ws-num ws-num--orange" aria-label={`${u.unitName}即将超期${n}件`}>
                      {n}
                    </Link>
                  ) : (
                    <span className="ws-num">0</span>
                  ),
              },
            ]}
          />
        )}
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'overdue', label: tab('已超期', counts?.overdue), children: <AppealTable queue="overdue" isInUrl={false} emptyText={QUEUE_EMPTY_HINTS.overdue} rowActions={rowActions} hide={['overdue']} /> },
            { key: 'due_soon', label: tab('即将超期', counts?.due_soon), children: <AppealTable queue="due_soon" isInUrl={false} emptyText={QUEUE_EMPTY_HINTS.due_soon} rowActions={rowActions} hide={['overdue']} /> },
            { key: 'unsatisfied', label: tab('不满意专区', counts?.unsatisfied), children: <AppealTable queue="unsatisfied" isInUrl={false} emptyText={QUEUE_EMPTY_HINTS.unsatisfied} rowActions={rowActions} /> },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          列表操作按钮由服务器最终判定是否可行，不可行时弹窗内会说明原因。
        </Typography.Paragraph>
      </Card>
      {pending && (
        <ActionModal
          action={pending.action}
          appeal={pending.appeal}
          isResultShown
          onClose={() => setPending(null)}
          onDone={() => {
            pending.reload();
            byUnit.reload();
            refreshCounts();
          }}
          onConflict={() => pending.reload()}
        />
      )}
    </>
  );
}

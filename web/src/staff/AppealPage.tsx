/**
 * 诉求详情 (/w/appeals/:id): the appeal, its location, attachments, replies, related appeals and
 * every event on its record, with an action bar of EXACTLY the actions in `policies`.
 */
import { Affix, Button, Card, Col, Descriptions, Empty, Image, List, Row, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { RESOLUTION_LABELS, type Resolution } from '../../../shared/domain';
import { STATUS_LABELS, type AppealAction } from '../../../shared/workflow';
import { actionLabel, CHANNEL_LABELS, formatTime, UNIT_ROLE_LABELS } from '../format';
import { categoryPath } from '../tree';
import type { AppealDetail } from '../types';
import { useApi } from '../useApi';
import { ActionModal, isDangerAction } from './actions/ActionModal';
import { DispatchCard } from './DispatchCard';
import { describePayload } from './events';
import { useWorkbench } from './me';
import { useCategories, useRegions, useTimeLimitClasses } from '../refdata';
import { DeadlineTag, ErrorState, PageHeader, StatusTag } from './ui';

const ROUTER_ROLES: readonly string[] = ['admin', 'operator', 'dispatcher', 'supervisor', 'leader', 'duty_officer'];

const REPLY_STATES: Record<string, { color: string; label: string }> = {
  published: { color: 'green', label: '已发布' },
  pending_review: { color: 'gold', label: '待审核' },
  sent_back: { color: 'default', label: '已退回' },
};

/** Loads the appeal and shows it; a 404 (unknown or not visible) shows a not-found state and no actions. */
export function AppealPage() {
  const { id } = useParams();
  const detail = useApi<AppealDetail>(id ? `/api/appeals/${id}` : null);
  const [fresh, setFresh] = useState<AppealDetail | null>(null);
  const appeal = fresh && fresh.id === id && detail.data && fresh.version >= detail.data.version ? fresh : detail.data;

  if (detail.error) return <ErrorState error={detail.error} onRetry={detail.reload} notFoundText="这件诉求不存在，或不在您的办理范围内。" />;
  if (!appeal) return <Card loading />;
  return (
    <AppealView
      appeal={appeal}
      onChanged={(a) => setFresh(a)}
      onReload={() => {
        setFresh(null);
        detail.reload();
      }}
    />
  );
}

function AppealView({ appeal, onChanged, onReload }: { appeal: AppealDetail; onChanged: (a: AppealDetail) => void; onReload: () => void }) {
  const [action, setAction] = useState<AppealAction | null>(null);
  const { refreshCounts, me } = useWorkbench();
  // Intake and dispatch staff of the city see what smart dispatch read from the text.
  const isRouter = ROUTER_ROLES.includes(me.role) && !me.unit;
  const categories = useCategories();
  const regions = useRegions();
  const classes = useTimeLimitClasses();
  const regionName = regions.data?.find((r) => r.code === appeal.regionCode)?.name ?? appeal.regionCode ?? '—';
  const className = classes.data?.find((c) => c.code === appeal.timeLimitClass)?.name ?? appeal.timeLimitClass ?? '—';
  const images = appeal.attachments.filter((f) => f.mimeType.startsWith('image/'));
  const others = appeal.attachments.filter((f) => !f.mimeType.startsWith('image/'));
  const hasCoordinates = appeal.longitude !== null && appeal.latitude !== null;

  return (
    <>
      <PageHeader
        title={
          <Space wrap size={8}>
            <span>{appeal.title}</span>
            <StatusTag status={appeal.status} label={appeal.statusLabel} testId="appeal-status" />
            {appeal.deadlines.state !== 'none' && <DeadlineTag deadlines={appeal.deadlines} />}
            {appeal.warningLevel && <Tag color={appeal.warningLevel === 'red' ? 'red' : 'gold'}>{appeal.warningLevel === 'red' ? '红牌警示' : '黄牌警示'}</Tag>}
          </Space>
        }
        crumbs={[{ label: '工作台', to: '/w' }, { label: '全部诉求', to: '/w/appeals' }, { label: appeal.trackingCode }]}
      >
        受理编号 <span className="ws-code">{appeal.trackingCode}</span> · {CHANNEL_LABELS[appeal.channel] ?? appeal.channel} · 提交于 {formatTime(appeal.createdAt)}
      </PageHeader>

      <Affix offsetTop={0}>
        <div className="ws-action-bar" role="toolbar" aria-label="可执行操作" data-testid="action-bar">
          {appeal.policies.length === 0 ? (
            <Typography.Text type="secondary">当前没有需要您处理的操作。</Typography.Text>
          ) : (
            <Space wrap>
              <Typography.Text type="secondary">可执行操作：</Typography.Text>
              {orderActions(appeal.policies).map((p, i) => (
                <Button key={p} type={i === 0 && !isDangerAction(p) ? 'primary' : 'default'} danger={isDangerAction(p)} onClick={() => setAction(p)}>
                  {actionLabel(p)}
                </Button>
              ))}
            </Space>
          )}
        </div>
      </Affix>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title="诉求内容" size="small">
            <Typography.Paragraph className="ws-body">{appeal.body}</Typography.Paragraph>
            {images.length > 0 && (
              <Image.PreviewGroup>
                <Space wrap>
                  {images.map((f) => (
                    <Image key={f.id} src={`/api/attachments/${f.id}`} alt={f.filename} width={120} height={120} style={{ objectFit: 'cover' }} />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
            {others.length > 0 && (
              <ul className="ws-files">
                {others.map((f) => (
                  <li key={f.id}>
                    <a href={`/api/attachments/${f.id}`} target="_blank" rel="noreferrer">
                      {f.filename}
                    </a>
                  </li>
                ))}
              </ul>
            )}
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginTop: 16 }}>
              <Descriptions.Item label="问题分类">{categoryPath(categories.data, appeal.categoryCode)}</Descriptions.Item>
              <Descriptions.Item label="所属区域">{regionName}</Descriptions.Item>
              <Descriptions.Item label="反映人">{appeal.residentName ?? '未留姓名'}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{appeal.phone}</Descriptions.Item>
              <Descriptions.Item label="保密">{appeal.isConfidential ? <Tag color="red">保密</Tag> : '否'}</Descriptions.Item>
              <Descriptions.Item label="同意公开">{appeal.mayPublish ? '同意' : '不同意'}</Descriptions.Item>
              <Descriptions.Item label="时限分类">{className}</Descriptions.Item>
              <Descriptions.Item label="签收时限">{formatTime(appeal.deadlines.signDueAt)}</Descriptions.Item>
              <Descriptions.Item label="办理时限">
                {formatTime(appeal.deadlines.dueAt)}
                {appeal.deadlines.extensionDays ? `（已延期${appeal.deadlines.extensionDays}个工作日）` : ''}
              </Descriptions.Item>
            </Descriptions>
          </Card>

          <Card title={`答复（${appeal.replies.length}）`} size="small" style={{ marginTop: 16 }}>
            {appeal.replies.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未答复。承办单位签收办理后，在上方点「答复」填写。" />
            ) : (
              <List
                itemLayout="vertical"
                dataSource={appeal.replies}
                renderItem={(r) => (
                  <List.Item key={r.id}>
                    <Space wrap>
                      <b>{r.unitName}</b>
                      <Tag>{RESOLUTION_LABELS[r.resolution as Resolution] ?? r.resolution}</Tag>
                      <Tag color={REPLY_STATES[r.state]?.color}>{REPLY_STATES[r.state]?.label ?? r.state}</Tag>
                      <span className="ws-muted">{formatTime(r.createdAt)}</span>
                    </Space>
                    <Typography.Paragraph className="ws-body" style={{ marginTop: 8, marginBottom: 0 }}>
                      {r.body}
                    </Typography.Paragraph>
                  </List.Item>
                )}
              />
            )}
          </Card>

          <Card title="办理过程" size="small" style={{ marginTop: 16 }}>
            <Timeline
              items={appeal.events.map((e) => ({
                key: e.seq,
                color: e.action === 'warn' || e.action === 'escalate' ? 'red' : e.action === 'urge' ? 'orange' : e.toStatus === 'closed' ? 'green' : 'blue',
                children: (
                  <div className="ws-event">
                    <div>
                      <b>{actionLabel(e.action)}</b>
                      <span className="ws-muted">
                        {'\u3000'}{e.actor.name ?? (e.actor.type === 'resident' ? '群众' : e.actor.type === 'system' ? '系统' : '—')}
                        {e.actor.unitName ? `（${e.actor.unitName}）` : ''}{'\u3000'}{formatTime(e.at)}
                      </span>
                    </div>
                    {e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus && (
                      <div className="ws-muted">
                        {STATUS_LABELS[e.fromStatus]} → {STATUS_LABELS[e.toStatus]}
                      </div>
                    )}
                    {describePayload(e.action, e.payload, categories.data)}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          {isRouter && <DispatchCard appealId={appeal.id} version={appeal.version} />}
          <Card title="承办单位" size="small">
            {appeal.units.length === 0 ? (
              <Typography.Text type="secondary">尚未交办。</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={appeal.units}
                renderItem={(u) => (
                  <List.Item key={`${u.unitId}-${u.role}`}>
                    <Space>
                      <Tag color={u.role === 'lead' ? 'blue' : 'default'}>{UNIT_ROLE_LABELS[u.role] ?? u.role}</Tag>
                      <span className={u.isCurrent ? undefined : 'ws-struck'}>{u.name}</span>
                      {!u.isCurrent && <span className="ws-muted">（已撤出）</span>}
                      {u.role === 'summoned' && <span className="ws-muted">{u.reportedAt ? `已报到 ${formatTime(u.reportedAt)}` : '待报到'}</span>}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card title="位置" size="small" style={{ marginTop: 16 }}>
            <p style={{ margin: 0 }}>{appeal.address || '未填写地址'}</p>
            {hasCoordinates ? (
              <p className="ws-muted" style={{ margin: '8px 0 0' }}>
                经度 {appeal.longitude}，纬度 {appeal.latitude}{'\u3000'}
                <a href={`https://uri.amap.com/marker?position=${appeal.longitude},${appeal.latitude}&name=${encodeURIComponent(appeal.title)}`} target="_blank" rel="noreferrer">
                  在地图中查看
                </a>
              </p>
            ) : (
              <p className="ws-muted" style={{ margin: '8px 0 0' }}>
                群众未提供定位
              </p>
            )}
          </Card>
          <Card title="相关诉求" size="small" style={{ marginTop: 16 }}>
            {(appeal.related ?? []).length === 0 ? (
              <Typography.Text type="secondary">没有发现相关或重复的诉求。</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={appeal.related ?? []}
                renderItem={(r) => (
                  <List.Item key={r.id}>
                    <Space direction="vertical" size={0}>
                      <Link to={`/w/appeals/${r.id}`}>
                        {r.trackingCode} {r.title}
                      </Link>
                      <span className="ws-muted">
                        {STATUS_LABELS[r.status]} · {relationLabel(r.relation)}
                      </span>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>

      {action && (
        <ActionModal
          action={action}
          appeal={appeal}
          onClose={() => setAction(null)}
          onDone={(r) => {
            onChanged(r.appeal);
            refreshCounts();
          }}
          onConflict={onReload}
        />
      )}
    </>
  );
}

/** The step forward first, refusals and sanctions last; the set itself is exactly the server's `policies`. */
const ACTION_ORDER: AppealAction[] = [
  'accept', 'assign', 'reassign', 'sign', 'reply', 'approve_reply', 'grant_extension', 'rate', 'close', 'report', 'instruct', 'urge', 'summon',
  'request_extension', 'merge', 'reject', 'return', 'reject_reply', 'refuse_extension', 'warn', 'escalate',
];

function orderActions(policies: AppealAction[]): AppealAction[] {
  const rank = (a: AppealAction) => {
    const i = ACTION_ORDER.indexOf(a);
    return i < 0 ? ACTION_ORDER.length : i;
  };
  return [...policies].sort((a, b) => rank(a) - rank(b));
}

const RELATIONS: Record<string, string> = { merged_into: '已并入', merged_from: '并入本件', duplicate: '疑似重复', similar: '相似诉求', same_phone: '同一来电人' };

function relationLabel(relation: string): string {
  return RELATIONS[relation] ?? relation;
}

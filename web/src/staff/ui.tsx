/** Small building blocks of the staff pages: page header, status and deadline tags, error states. */
import { Breadcrumb, Button, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import type { ResultProps } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import type { AppealStatus } from '../../../shared/workflow';
import { ApiError, errorText } from '../api';
import { formatDuration, formatTime } from '../format';
import type { Deadlines } from '../types';
import { workingDaysLeft } from './calendar';

/** Ant Design's page header: breadcrumb, title, extra buttons, a line of description. */
export function PageHeader({ title, crumbs, extra, children }: { title: ReactNode; crumbs?: { to?: string; label: string }[]; extra?: ReactNode; children?: ReactNode }) {
  return (
    <div className="ws-page-header">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumb items={crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.label}</Link> : c.label }))} />
      )}
      <div className="ws-page-header__row">
        <Typography.Title level={3} className="ws-page-header__title">
          {title}
        </Typography.Title>
        {extra && <Space wrap>{extra}</Space>}
      </div>
      {children && <div className="ws-page-header__desc">{children}</div>}
    </div>
  );
}

const STATUS_COLORS: Record<AppealStatus, string> = {
  submitted: 'blue',
  accepted: 'geekblue',
  assigned: 'purple',
  returned: 'magenta',
  in_progress: 'processing',
  reply_review: 'gold',
  replied: 'cyan',
  reopened: 'volcano',
  closed: 'success',
  rejected: 'default',
  merged: 'default',
};

/** The status in words with a colour. */
export function StatusTag({ status, label, testId }: { status: AppealStatus; label: string; testId?: string }) {
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId}>
      {label}
    </Tag>
  );
}

/** The deadline in colour AND words: 超期 (red), 即将超期 (orange), working days left, or nothing running. */
export function DeadlineTag({ deadlines, now = new Date() }: { deadlines: Deadlines; now?: Date }) {
  const { dueAt, state, isProvisional } = deadlines;
  const provisional = isProvisional ? (
    <Tooltip title="该年度节假日安排尚未公布，时限暂按周末计算，公布后自动重算">
      <Tag>暂定</Tag>
    </Tooltip>
  ) : null;
  if (state === 'none' || !dueAt) {
    return (
      <span className="ws-muted" title="当前状态不计办理时限">
        —
      </span>
    );
  }
  const due = new Date(dueAt);
  const left = due.getTime() - now.getTime();
  const tip = `办理时限：${formatTime(dueAt)}（北京时间）`;
  let tag: ReactNode;
  switch (state) {
    case 'overdue':
      tag = <Tag color="red">超期 {formatDuration(left)}</Tag>;
      break;
    case 'due_soon':
      tag = <Tag color="orange">即将超期 · 剩{formatDuration(left)}</Tag>;
      break;
    case 'on_time': {
      const days = workingDaysLeft(due, now);
      tag = <Tag color="green">{days > 0 ? `剩${days}个工作日` : `今日到期 · 剩${formatDuration(left)}`}</Tag>;
      break;
    }
  }
  return (
    <span className="ws-nowrap">
      <Tooltip title={tip}>{tag}</Tooltip>
      {provisional}
    </span>
  );
}

/** antd's Result (its illustrations are sizeable) loads only when a page has something to report. */
const LazyResult = lazy(() => import('antd/es/result'));

function Result(props: ResultProps) {
  return (
    <Suspense fallback={<Spin className="ws-center" />}>
      <LazyResult {...props} />
    </Suspense>
  );
}

/** What to show when a load failed: 401 goes to the login, 404 says not found, the rest can retry. */
export function ErrorState({ error, onRetry, notFoundText = '没有找到，或您无权查看。' }: { error: unknown; onRetry?: () => void; notFoundText?: string }) {
  const location = useLocation();
  if (error instanceof ApiError && error.status === 401) {
    return <Navigate to={`/login?from=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (error instanceof ApiError && error.isNotFound && !error.message.startsWith('no route')) {
    return <Result status="404" title="未找到" subTitle={notFoundText} extra={<Link to="/w">返回工作台</Link>} />;
  }
  const isMissingRoute = error instanceof ApiError && error.message.startsWith('no route');
  return (
    <Result
      status="warning"
      title={isMissingRoute ? '该功能的服务端接口尚未开放' : '加载失败'}
      subTitle={errorText(error)}
      extra={onRetry && <Button onClick={onRetry}>重试</Button>}
    />
  );
}

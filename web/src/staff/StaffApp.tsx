/**
 * The staff workbench (/w/...): Ant Design's admin layout — a side menu by role with queue counts,
 * a header with who is logged in, and the pages, each loaded lazily (ECharts only on the leader page).
 */
import { App as AntApp, Badge, Button, ConfigProvider, Layout, Menu, Space, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { startTransition, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../../shared/domain';
import { api, ApiError, takeArrived } from '../api';
import { lazyPage, type LazyPage } from '../lazyPage';
import { useRegions } from '../refdata';
import type { Me, QueueCounts, StaffMe } from '../types';
import { WorkbenchContext } from './me';
import { landingOf, ROLE_MENUS } from './menu';
import './staff.css';
import { STAFF_THEME } from './theme';
import { ErrorState } from './ui';

// Month and weekday names in the date pickers follow the UI's language.
dayjs.locale('zh-cn');

const QueuePage = lazyPage(() => import('./QueuePage'), 'QueuePage');
const AppealsPage = lazyPage(() => import('./QueuePage'), 'AppealsPage');
const AppealPage = lazyPage(() => import('./AppealPage'), 'AppealPage');
const HotlinePage = lazyPage(() => import('./HotlinePage'), 'HotlinePage');
const SupervisePage = lazyPage(() => import('./SupervisePage'), 'SupervisePage');
const LeaderPage = lazyPage(() => import('./LeaderPage'), 'LeaderPage');
const AdminUnitsPage = lazyPage(() => import('./admin/UnitsPage'), 'UnitsPage');
const AdminUsersPage = lazyPage(() => import('./admin/UsersPage'), 'UsersPage');
const AdminCategoriesPage = lazyPage(() => import('./admin/CategoriesPage'), 'CategoriesPage');
const AdminCalendarPage = lazyPage(() => import('./admin/CalendarPage'), 'CalendarPage');
const AdminTemplatesPage = lazyPage(() => import('./admin/TemplatesPage'), 'TemplatesPage');
const AdminRoutingRulesPage = lazyPage(() => import('./admin/RoutingRulesPage'), 'RoutingRulesPage');
const AdminPlacesPage = lazyPage(() => import('./admin/PlacesPage'), 'PlacesPage');
const HotIssuesPage = lazyPage(() => import('./hot/HotIssuesPage'), 'HotIssuesPage');
const HotIssueReportPage = lazyPage(() => import('./hot/HotIssueReportPage'), 'HotIssueReportPage');
const DutyConsolePage = lazyPage(() => import('./duty/DutyConsolePage'), 'DutyConsolePage');
const RosterPage = lazyPage(() => import('./duty/RosterPage'), 'RosterPage');
const BriefsPage = lazyPage(() => import('./duty/BriefsPage'), 'BriefsPage');
const SchemesPage = lazyPage(() => import('./duty/SchemesPage'), 'SchemesPage');
const SourcesPage = lazyPage(() => import('./duty/SourcesPage'), 'SourcesPage');

/** The page a full load of `pathname` opens, when its code is worth loading before the first render. */
function firstPageOf(pathname: string): LazyPage | null {
  if (/^\/w\/appeals\/[^/]+\/?$/.test(pathname)) return AppealPage;
  if (/^\/w\/appeals\/?$/.test(pathname)) return AppealsPage;
  if (/^\/w\/queue\/[^/]+\/?$/.test(pathname)) return QueuePage;
  return null;
}

/**
 * Loads the code of the page being opened (index.html has already fetched its chunks), so the
 * workbench's first render shows the page instead of a spinner; boot.tsx waits for it on a full load.
 */
export const preloadFirstPage = (): Promise<void> => firstPageOf(window.location.pathname)?.preload().catch(() => undefined) ?? Promise.resolve();

/** Who is logged in, when the entry's session check has arrived and the page's code is in: the first render shows the page. */
function arrivedStaff(): StaffMe | null {
  if (!(firstPageOf(window.location.pathname)?.isLoaded() ?? true)) return null;
  const who = takeArrived<Me>('/api/auth/me')?.data;
  return who?.kind === 'staff' ? who : null;
}

const COUNTS_EVERY_MS = 60_000;

/**
 * Lists and the appeal page are what staff open next: their code is fetched once the first page has
 * rendered and the browser is idle — not during the load, where it would compete with that page.
 * (index.html preloads the chunks of the page being opened itself.)
 */
function prefetchPagesWhenIdle(): () => void {
  const prefetch = () => {
    for (const page of [QueuePage, AppealsPage, AppealPage]) void page.preload().catch(() => undefined);
  };
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(prefetch, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }
  const timer = window.setTimeout(prefetch, 1000);
  return () => window.clearTimeout(timer);
}

/** Loads who is logged in (or sends them to the login) and renders the workbench around the pages. */
export function StaffApp() {
  const [me, setMe] = useState<StaffMe | null>(arrivedStaff);
  const [error, setError] = useState<unknown>(null);
  const location = useLocation();

  useEffect(() => {
    if (me) return;
    // A page whose code fails to load still renders (and suspends, retrying) once the session is known.
    const page = preloadFirstPage();
    api.get<Me>('/api/auth/me').then((env) => {
      const who = env.data;
      if (who.kind !== 'staff') return setError(new ApiError(401, 'UNAUTHENTICATED', '请用工作人员账号登录'));
      void page.then(() => setMe(who));
    }, setError);
    // Only the first mount asks: `me` changes by a new page load (login), never in place.
  }, []);

  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={STAFF_THEME}>
      <AntApp>
        {error instanceof ApiError && error.status === 401 ? (
          <Navigate to={`/login?from=${encodeURIComponent(location.pathname + location.search)}`} replace />
        ) : error ? (
          <ErrorState error={error} onRetry={() => window.location.reload()} />
        ) : me ? (
          <Workbench me={me} />
        ) : (
          <div className="ws-center">
            <Spin size="large" />
          </div>
        )}
      </AntApp>
    </ConfigProvider>
  );
}

function Workbench({ me }: { me: StaffMe }) {
  const [counts, setCounts] = useState<QueueCounts | undefined>(() => takeArrived<QueueCounts>('/api/queues')?.data);
  const hasFirstCounts = useRef(counts !== undefined);
  const [tick, setTick] = useState(0);
  const [isCollapsed, setCollapsed] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();

  useEffect(() => {
    let isLive = true;
    if (hasFirstCounts.current) hasFirstCounts.current = false; // the entry's answer is shown already
    else {
      api.get<QueueCounts>('/api/queues').then(
        (env) => isLive && startTransition(() => setCounts(env.data)), // badges: never in the way of a click
        () => undefined, // The menu simply shows no badges.
      );
    }
    const timer = setInterval(() => setTick((t) => t + 1), COUNTS_EVERY_MS);
    return () => {
      isLive = false;
      clearInterval(timer);
    };
  }, [tick]);
  const refreshCounts = useCallback(() => setTick((t) => t + 1), []);
  useEffect(prefetchPagesWhenIdle, []);

  const entries = ROLE_MENUS[me.role];
  const here = location.pathname + location.search;
  const selected = useMemo(() => {
    const exact = entries.find((e) => e.path === here);
    if (exact) return exact.path;
    const prefix = entries.filter((e) => !e.path.includes('?') && location.pathname.startsWith(e.path)).sort((a, b) => b.path.length - a.path.length)[0];
    return prefix?.path ?? '';
  }, [entries, here, location.pathname]);

  const logout = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    navigate('/login', { replace: true });
  };

  const workbench = useMemo(() => ({ me, counts, refreshCounts }), [me, counts, refreshCounts]);

  return (
    <WorkbenchContext.Provider value={workbench}>
      <Layout className="ws-layout">
        <Layout.Sider collapsible collapsed={isCollapsed} onCollapse={setCollapsed} breakpoint="lg" width={200} theme="dark" className="ws-sider">
          <Link to={landingOf(me.role)} className="ws-brand">
            {isCollapsed ? '民' : '民声 · 工作台'}
          </Link>
          <nav aria-label="工作台菜单">
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={[selected]}
              items={entries.map((e) => {
                const n = e.queue ? counts?.[e.queue] : undefined;
                return {
                  key: e.path,
                  label: (
                    <Link to={e.path} className="ws-menu-link">
                      <span>{e.label}</span>
                      {n !== undefined && n > 0 && <Badge count={n} overflowCount={999} size="small" color={e.queue === 'overdue' ? '#cf1322' : '#1d5fbf'} />}
                    </Link>
                  ),
                };
              })}
            />
          </nav>
        </Layout.Sider>
        <Layout>
          <Layout.Header className="ws-header">
            <Typography.Text className="ws-header__city">
              <CityName />
              12345政务服务便民热线 · 网上群众路线
            </Typography.Text>
            <Space size="middle">
              <span>
                {me.displayName}
                <span className="ws-muted">
                  （{ROLE_LABELS[me.role]}
                  {me.unit ? ` · ${me.unit.name}` : ''}）
                </span>
              </span>
              <Button size="small" onClick={logout}>
                退出
              </Button>
            </Space>
          </Layout.Header>
          <Layout.Content className="ws-content">
            <Suspense
              fallback={
                <div className="ws-center">
                  <Spin />
                </div>
              }
            >
              <Routes>
                <Route index element={<Navigate to={landingOf(me.role)} replace />} />
                <Route path="queue/:queue" element={<QueuePage />} />
                <Route path="appeals" element={<AppealsPage />} />
                <Route path="appeals/:id" element={<AppealPage />} />
                <Route path="hotline" element={<HotlinePage />} />
                <Route path="supervise" element={<SupervisePage />} />
                <Route path="leader" element={<LeaderPage />} />
                <Route path="admin/units" element={<AdminUnitsPage />} />
                <Route path="admin/users" element={<AdminUsersPage />} />
                <Route path="admin/categories" element={<AdminCategoriesPage />} />
                <Route path="admin/calendar" element={<AdminCalendarPage />} />
                <Route path="admin/templates" element={<AdminTemplatesPage />} />
                <Route path="admin/routing" element={<AdminRoutingRulesPage />} />
                <Route path="admin/places" element={<AdminPlacesPage />} />
                <Route path="admin/schemes" element={<SchemesPage />} />
                <Route path="admin/sources" element={<SourcesPage />} />
                <Route path="hot" element={<HotIssuesPage />} />
                <Route path="hot/:id" element={<HotIssueReportPage />} />
                <Route path="duty" element={<DutyConsolePage />} />
                <Route path="duty/roster" element={<RosterPage />} />
                <Route path="duty/briefs" element={<BriefsPage />} />
                <Route path="*" element={<ErrorState error={new ApiError(404, 'NOT_FOUND', '页面不存在')} notFoundText="没有这个页面。" />} />
              </Routes>
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </WorkbenchContext.Provider>
  );
}

/** The installation's city (its regions' city row, e.g. 阜阳市), as the header names it. */
function CityName() {
  return <>{useRegions().data?.find((r) => r.level === 2)?.name ?? ''}</>;
}

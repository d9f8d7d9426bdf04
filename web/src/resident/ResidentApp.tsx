/** The resident H5 area (/m/...): phone-first, one column, a tab bar at the bottom. antd-mobile only. */
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router-dom';
import { MyAppealsPage } from './MyAppealsPage';
import './resident.css';
import { SubmitPage } from './SubmitPage';
import { TrackPage } from './TrackPage';

const TABS = [
  { to: '/m/submit', label: '我要反映' },
  { to: '/m/track', label: '进度查询' },
  { to: '/m/mine', label: '我的诉求' },
] as const;

/** Routes of the resident pages inside one phone-shaped frame. */
export function ResidentApp() {
  const { pathname } = useLocation();
  const title = TABS.find((t) => pathname.startsWith(t.to))?.label ?? '民声';
  return (
    <>
      <div className="ms-mobile">
        <header className="ms-mobile__bar">
          <a href="/" className="ms-mobile__brand" aria-label="民声回音壁首页">
            民声
          </a>
          <h1 className="ms-mobile__title">{title}</h1>
          <a href="/" className="ms-mobile__wall">
            回音壁
          </a>
        </header>
        <main className="ms-mobile__main">
          <Routes>
            <Route index element={<Navigate to="submit" replace />} />
            <Route path="submit" element={<SubmitPage />} />
            <Route path="track" element={<TrackPage />} />
            <Route path="mine" element={<MyAppealsPage />} />
            <Route path="*" element={<Navigate to="submit" replace />} />
          </Routes>
        </main>
        <nav className="ms-tabbar" aria-label="居民服务">
          {TABS.map((t) => (
            <NavLink key={t.to} to={t.to} className={({ isActive }) => (isActive ? 'ms-tabbar__tab ms-tabbar__tab--active' : 'ms-tabbar__tab')}>
              {t.label}
            </NavLink>
          ))}
        </nav>
      </div>
    </>
  );
}

/**
 * Entry: one router, each area (public echo wall, resident H5, login, staff workbench) a lazy chunk,
 * so a resident's phone never downloads the workbench, its tables or ECharts.
 */
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { prefetchMe } from './api';
import { AreaLoading } from './AreaLoading';
import './base.css';

// On a workbench URL, ask who is logged in while the workbench code is still downloading.
if (window.location.pathname.startsWith('/w')) prefetchMe();

const WallPage = lazy(() => import('./public/WallPage').then((m) => ({ default: m.WallPage })));
const ResidentApp = lazy(() => import('./resident/ResidentApp').then((m) => ({ default: m.ResidentApp })));
const LoginPage = lazy(() => import('./staff/LoginPage').then((m) => ({ default: m.LoginPage })));
const StaffApp = lazy(() => import('./staff/StaffApp').then((m) => ({ default: m.StaffApp })));

function NotFound() {
  return (
    <main className="plain-page">
      <h1>页面不存在</h1>
      <p>
        您访问的地址不存在。去 <a href="/">回音壁</a>、<a href="/m/submit">我要反映</a> 或 <a href="/login">工作人员登录</a>。
      </p>
    </main>
  );
}

function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<AreaLoading />}>
        <Routes>
          <Route path="/" element={<WallPage />} />
          <Route path="/wall" element={<WallPage />} />
          <Route path="/m/*" element={<ResidentApp />} />
          <Route path="/login" element={<LoginPage />} />
          <Route path="/w/*" element={<StaffApp />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

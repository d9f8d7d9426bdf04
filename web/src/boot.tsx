/**
 * The app: one router, each area (public echo wall, resident H5, login, staff workbench) a lazy chunk,
 * so a resident's phone never downloads the workbench, its tables or ECharts.
 */
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AreaLoading } from './AreaLoading';
import { lazyPage, type LazyPage } from './lazyPage';

const WallPage = lazyPage(() => import('./public/WallPage'), 'WallPage');
const ResidentApp = lazyPage(() => import('./resident/ResidentApp'), 'ResidentApp');
const LoginPage = lazyPage(() => import('./staff/LoginPage'), 'LoginPage');
// The workbench is ready to render once the page being opened has loaded too (StaffApp.tsx).
const StaffApp = lazyPage(() => import('./staff/StaffApp').then(async (m) => (await m.preloadFirstPage(), m)), 'StaffApp');

/** The area a path opens (as the routes below). */
function areaOf(pathname: string): LazyPage | null {
  if (pathname === '/' || pathname === '/wall') return WallPage;
  if (pathname === '/m' || pathname.startsWith('/m/')) return ResidentApp;
  if (pathname === '/login') return LoginPage;
  if (pathname === '/w' || pathname.startsWith('/w/')) return StaffApp;
  return null;
}

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

/**
 * Renders the app into #root (main.tsx calls it once the page's styles are in), after the code of
 * the area being opened has loaded, so the first render shows it at once (index.html's own
 * 加载中… stands until then).
 */
export async function renderApp(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  // On a failed chunk load the area suspends and retries, as any lazy component.
  await areaOf(window.location.pathname)?.preload().catch(() => undefined);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

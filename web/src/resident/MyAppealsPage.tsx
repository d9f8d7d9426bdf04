/** 我的诉求: every appeal submitted under the verified phone, newest first. */
import { Button, Tag } from 'antd-mobile';
import { Link } from 'react-router-dom';
import { maskPhone } from '../../../shared/mask';
import { api, errorText } from '../api';
import { formatTime } from '../format';
import type { AppealSummary } from '../types';
import { useApi } from '../useApi';
import { PhoneVerify } from './PhoneVerify';
import { useResidentSession } from './session';

/** Verifies the phone first if needed, then lists that phone's appeals. */
export function MyAppealsPage() {
  const session = useResidentSession();
  if (!session.isChecked) return <div className="ms-page ms-empty">加载中…</div>;
  if (!session.phone) {
    return (
      <div className="ms-page">
        <p className="ms-intro">验证手机号后，可以查看您用这个手机号反映过的所有诉求。</p>
        <PhoneVerify submitText="验证并查看" onVerified={() => session.refresh()} />
      </div>
    );
  }
  return <MyAppealList phone={session.phone} onLogout={session.refresh} />;
}

function MyAppealList({ phone, onLogout }: { phone: string; onLogout: () => void }) {
  const list = useApi<AppealSummary[]>('/api/appeals', { pageSize: 50 });
  const logout = async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    onLogout();
  };
  return (
    <div className="ms-page">
      <div className="ms-inline-actions ms-spread">
        <span className="ms-meta">手机号 {maskPhone(phone)}</span>
        <Button size="mini" fill="none" onClick={logout}>
          退出
        </Button>
      </div>
      {list.error && (
        <div className="ms-card ms-empty" role="alert">
          {errorText(list.error)}
        </div>
      )}
      {list.data && list.data.length === 0 && (
        <div className="ms-card ms-empty">
          您还没有反映过诉求。<Link to="/m/submit">去反映一件事</Link>
        </div>
      )}
      {list.data && list.data.length > 0 && (
        <section aria-label="我的诉求">
          <div className="ms-meta ms-list-head">共 {list.page?.total ?? list.data.length} 件</div>
          <ul className="ms-list">
            {list.data.map((a) => (
              <li key={a.id}>
                <Link className="ms-list__item" to={`/m/track?code=${a.trackingCode}&phone=${phone}`}>
                  <span className="ms-list__main">
                    <span className="ms-list__title">{a.title}</span>
                    <span className="ms-meta">
                      {a.trackingCode} · {formatTime(a.createdAt)}
                    </span>
                  </span>
                  <Tag color={a.status === 'closed' ? 'success' : a.status === 'replied' ? 'primary' : 'default'}>{a.statusLabel}</Tag>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

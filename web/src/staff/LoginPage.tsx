/** 工作人员登录: username and password, then on to the role's workbench (or where they were going). */
import { Alert, App as AntApp, Button, Card, ConfigProvider, Form, Input, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api';
import type { Me } from '../types';
import { showApiError } from './forms';
import { landingOf } from './menu';
import './staff.css';
import { STAFF_THEME } from './theme';

/** The login card. */
export function LoginPage() {
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();

  const login = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/auth/login', { username: v.username.trim(), password: v.password });
      const me = (await api.get<Me>('/api/auth/me')).data;
      const from = params.get('from');
      const target = from && from.startsWith('/w') ? from : me.kind === 'staff' ? landingOf(me.role) : '/m/mine';
      navigate(target, { replace: true });
    } catch (e) {
      setError(showApiError(form, e, ['username', 'password']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={STAFF_THEME}>
      <AntApp>
        <main className="ws-login">
          <Card className="ws-login__card">
            <div className="ws-login__brand" aria-hidden>
              民声
            </div>
            <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
              工作人员登录
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
              网上群众路线 · 反映—受理—交办—督办—反馈
            </Typography.Paragraph>
            <Form form={form} layout="vertical" onFinish={login} requiredMark={false} name="login">
              <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
                <Input autoFocus autoComplete="username" size="large" />
              </Form.Item>
              <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
                <Input.Password autoComplete="current-password" size="large" />
              </Form.Item>
              {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
              <Button type="primary" htmlType="submit" block size="large" loading={isBusy}>
                登录
              </Button>
            </Form>
            <div className="ws-login__links">
              <a href="/">回音壁</a>
              <a href="/m/submit">我要反映</a>
              <a href="/m/track">进度查询</a>
            </div>
          </Card>
        </main>
      </AntApp>
    </ConfigProvider>
  );
}

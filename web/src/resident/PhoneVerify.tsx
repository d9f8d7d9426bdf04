/** Proves the resident's phone with a one-time SMS code (验证码) and opens a resident session. */
import { Button, Form, Input } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { PHONE_PATTERN } from '../../../shared/domain';
import { api, ApiError, errorText, formFieldOf } from '../api';

const RESEND_SECONDS = 60;

export interface PhoneVerifyProps {
  /** Prefills the phone (e.g. from the tracking form). */
  initialPhone?: string;
  /** Text of the confirm button, e.g. "验证并提交". */
  submitText: string;
  /** Called with the verified phone once the session cookie is set. */
  onVerified: (phone: string) => void | Promise<void>;
  /** Extra problems from the caller's next step (e.g. the submission failing), shown under the form. */
  footerError?: string | undefined;
}

/** Phone + code form; the code is sent by SMS and valid for 5 minutes. */
export function PhoneVerify({ initialPhone, submitText, onVerified, footerError }: PhoneVerifyProps) {
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const [countdown, setCountdown] = useState(0);
  const [isSending, setSending] = useState(false);
  const [isVerifying, setVerifying] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  useEffect(() => {
    if (countdown <= 0) return;
    const t = setTimeout(() => setCountdown((c) => c - 1), 1000);
    return () => clearTimeout(t);
  }, [countdown]);

  const showError = (e: unknown) => {
    if (e instanceof ApiError && e.details.length > 0) {
      form.setFields(e.details.map((d) => ({ name: formFieldOf(d.field), errors: [d.message || e.message] })));
      setFormError(null);
    } else {
      setFormError(errorText(e));
    }
  };

  const sendCode = async () => {
    setFormError(null);
    try {
      await form.validateFields(['phone']);
    } catch {
      return;
    }
    const phone = String(form.getFieldValue('phone') ?? '').trim();
    setSending(true);
    try {
      await api.post('/api/resident/otp', { phone });
      setSentTo(phone);
      setCountdown(RESEND_SECONDS);
    } catch (e) {
      showError(e);
    } finally {
      setSending(false);
    }
  };

  const verify = async (values: { phone: string; code: string }) => {
    setFormError(null);
    setVerifying(true);
    try {
      const phone = values.phone.trim();
      await api.post('/api/resident/session', { phone, code: values.code.trim() });
      await onVerified(phone);
    } catch (e) {
      showError(e);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Form
      form={form}
      name="verify"
      layout="horizontal"
      initialValues={{ phone: initialPhone ?? '', code: '' }}
      onFinish={verify}
      footer={
        <>
          {(formError ?? footerError) && (
            <div className="ms-form-error" role="alert">
              {formError ?? footerError}
            </div>
          )}
          <Button block type="submit" color="primary" size="large" loading={isVerifying}>
            {submitText}
          </Button>
        </>
      }
    >
      <Form.Header>验证手机号（用于接收办理进度和评价）</Form.Header>
      <Form.Item
        name="phone"
        label="手机号"
        rules={[
          { required: true, message: '请输入手机号' },
          { pattern: PHONE_PATTERN, message: '请输入正确的手机号' },
        ]}
      >
        <Input type="tel" inputMode="tel" autoComplete="tel" placeholder="11位手机号" clearable maxLength={13} />
      </Form.Item>
      <Form.Item
        name="code"
        label="验证码"
        rules={[
          { required: true, message: '请输入短信验证码' },
          { pattern: /^\d{6}$/, message: '验证码为6位数字' },
        ]}
        extra={
          <Button size="small" color="primary" fill="outline" onClick={sendCode} loading={isSending} disabled={countdown > 0}>
            {countdown > 0 ? `${countdown}秒后重发` : sentTo ? '重新获取' : '获取验证码'}
          </Button>
        }
        description={sentTo ? `验证码已发送至 ${sentTo}，5分钟内有效` : undefined}
      >
        <Input inputMode="numeric" autoComplete="one-time-code" placeholder="6位数字" maxLength={6} />
      </Form.Item>
    </Form>
  );
}

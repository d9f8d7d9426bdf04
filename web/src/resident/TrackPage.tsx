/** 进度查询: the resident follows an appeal by tracking code and phone, and rates the reply. */
import { Button, Form, Input, Radio, Space, Steps, Tag, TextArea, Toast } from 'antd-mobile';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { LIMITS, PHONE_PATTERN, RATING_LABELS, RATINGS, type RatingValue } from '../../../shared/domain';
import { api, errorText } from '../api';
import { formatDuration, formatTime } from '../format';
import type { TrackView } from '../types';
import { useApi } from '../useApi';
import { PhoneVerify } from './PhoneVerify';
import { useResidentSession } from './session';

const STATUS_COLORS: Record<string, string> = { closed: 'success', replied: 'primary', rejected: 'danger', merged: 'default', reopened: 'warning' };

/** Lookup form above, the appeal's public record below. */
export function TrackPage() {
  const [params, setParams] = useSearchParams();
  const code = (params.get('code') ?? '').trim().toUpperCase();
  const phone = (params.get('phone') ?? '').trim();
  const isReady = code.length > 0 && PHONE_PATTERN.test(phone);
  const track = useApi<TrackView>(isReady ? `/api/track/${encodeURIComponent(code)}` : null, { phone });
  const [form] = Form.useForm<{ code: string; phone: string }>();

  return (
    <div className="ms-page">
      <Form
        key={`${code}|${phone}`}
        form={form}
        name="track"
        layout="horizontal"
        initialValues={{ code, phone }}
        onFinish={(v) => setParams({ code: v.code.trim().toUpperCase(), phone: v.phone.trim() })}
        footer={
          <Button block type="submit" color="primary" size="large" loading={track.isLoading}>
            查询进度
          </Button>
        }
      >
        <Form.Header>凭受理编号和手机号查询</Form.Header>
        <Form.Item name="code" label="受理编号" rules={[{ required: true, message: '请输入受理编号' }]}>
          <Input placeholder="提交成功时显示的编号" clearable autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机号"
          rules={[
            { required: true, message: '请输入手机号' },
            { pattern: PHONE_PATTERN, message: '请输入正确的手机号' },
          ]}
        >
          <Input type="tel" inputMode="tel" placeholder="提交时验证的手机号" clearable />
        </Form.Item>
      </Form>
      {!isReady && (
        <p className="ms-intro">
          受理编号在提交成功的页面和短信里。忘记了编号？到 <Link to="/m/mine">我的诉求</Link> 验证手机号即可查看全部诉求。
        </p>
      )}
      {track.error && (
        <div className="ms-card ms-empty" role="alert">
          {track.error.isNotFound ? '没有找到这件诉求，请核对受理编号和手机号。' : errorText(track.error)}
        </div>
      )}
      {track.data && <TrackRecord view={track.data} phone={phone} onChanged={track.reload} />}
    </div>
  );
}

function TrackRecord({ view, phone, onChanged }: { view: TrackView; phone: string; onChanged: () => void }) {
  const session = useResidentSession();
  const [isVerifying, setVerifying] = useState(false);
  const mayRate = view.policies.includes('rate');
  const dueText =
    view.dueAt && view.deadlineState !== 'none'
      ? view.deadlineState === 'overdue'
        ? `已超过办理时限 ${formatDuration(Date.now() - new Date(view.dueAt).getTime())}`
        : `办理时限：${formatTime(view.dueAt)} 前`
      : null;
  return (
    <section aria-label="办理进度">
      <div className="ms-card">
        <div className="ms-track-head">
          <h2 className="ms-title">{view.title}</h2>
          <Tag color={STATUS_COLORS[view.status] ?? 'primary'} data-testid="track-status">
            {view.statusLabel}
          </Tag>
        </div>
        <div className="ms-meta">受理编号 {view.trackingCode} · 提交于 {formatTime(view.createdAt)}</div>
        {dueText && <div className={view.deadlineState === 'overdue' ? 'ms-meta ms-danger' : 'ms-meta'}>{dueText}</div>}
        <p className="ms-body">{view.body}</p>
      </div>
      {view.replies.length > 0 && (
        <div className="ms-card">
          <h3 className="ms-subtitle">办理答复</h3>
          {view.replies.map((r, i) => (
            <div key={i} className="ms-reply">
              <div className="ms-meta">
                {r.unitName} · {r.resolutionLabel} · {formatTime(r.at)}
              </div>
              <p className="ms-body">{r.body}</p>
            </div>
          ))}
        </div>
      )}
      {mayRate && <RatingForm appealId={view.id} onRated={onChanged} />}
      {!mayRate && view.status === 'replied' && session.isChecked && !session.phone && (
        <div className="ms-card">
          {isVerifying ? (
            <PhoneVerify
              initialPhone={phone}
              submitText="验证后评价"
              onVerified={() => {
                setVerifying(false);
                session.refresh();
                onChanged();
              }}
            />
          ) : (
            <Button block color="primary" fill="outline" onClick={() => setVerifying(true)}>
              验证手机号后评价
            </Button>
          )}
        </div>
      )}
      <div className="ms-card">
        <h3 className="ms-subtitle">办理过程</h3>
        <Steps direction="vertical" current={view.steps.length - 1}>
          {view.steps.map((s, i) => (
            <Steps.Step key={i} title={s.text} description={formatTime(s.at)} status={i === view.steps.length - 1 ? 'process' : 'finish'} />
          ))}
        </Steps>
      </div>
    </section>
  );
}

function RatingForm({ appealId, onRated }: { appealId: string; onRated: () => void }) {
  const [rating, setRating] = useState<RatingValue | null>(null);
  const [comment, setComment] = useState('');
  const [isSending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!rating) {
      setError('请选择评价');
      return;
    }
    setSending(true);
    setError(null);
    try {
      await api.post(`/api/appeals/${appealId}/actions/rate`, { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      Toast.show({ icon: 'success', content: rating === 'unsatisfied' ? '已提交，承办单位将重新办理' : '感谢您的评价' });
      setRating(null);
      setComment('');
      onRated();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSending(false);
    }
  };
  return (
    <div className="ms-card" role="group" aria-labelledby="rate-title">
      <h3 className="ms-subtitle" id="rate-title">
        请对办理结果评价
      </h3>
      <Radio.Group value={rating ?? undefined} onChange={(v) => setRating(v as RatingValue)}>
        <Space direction="vertical" block>
          {RATINGS.map((r) => (
            <Radio key={r} value={r} block>
              {RATING_LABELS[r]}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <label className="ms-field-label" htmlFor="rate-comment">
        评价意见（选填）
      </label>
      <TextArea id="rate-comment" value={comment} onChange={setComment} placeholder={rating === 'unsatisfied' ? '请说明哪里不满意，便于重新办理' : '说说您的感受'} maxLength={LIMITS.reasonMax} autoSize={{ minRows: 2, maxRows: 5 }} />
      {error && (
        <div className="ms-form-error" role="alert">
          {error}
        </div>
      )}
      <Button block color="primary" size="large" loading={isSending} onClick={submit} style={{ marginTop: 12 }}>
        提交评价
      </Button>
    </div>
  );
}

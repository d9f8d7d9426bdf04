/**
 * 我要反映: the resident's one-column form. No login until it is needed: the phone is verified
 * right before submitting, then the photos are uploaded and the appeal is sent.
 */
import { Button, CascadePicker, Form, Input, Result, Switch, TextArea, Toast } from 'antd-mobile';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { LIMITS } from '../../../shared/domain';
import { maskPhone } from '../../../shared/mask';
import { api, ApiError, errorText, formFieldOf } from '../api';
import { categoryTree } from '../tree';
import type { AppealDetail, Category } from '../types';
import { useApi } from '../useApi';
import { PhoneVerify } from './PhoneVerify';
import { PhotoPicker, type PickedPhoto } from './PhotoPicker';
import { newSubmissionKey, useResidentSession } from './session';

interface SubmitValues {
  title?: string;
  body: string;
  category?: (string | null)[];
  residentName?: string;
  address?: string;
  isConfidential: boolean;
  mayPublish: boolean;
}

type Step = 'form' | 'verify' | 'done';

/** The submit form, the phone step and the tracking code at the end. */
export function SubmitPage() {
  const [form] = Form.useForm<SubmitValues>();
  const categories = useApi<Category[]>('/api/categories');
  const options = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const session = useResidentSession();
  const [step, setStep] = useState<Step>('form');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [coords, setCoords] = useState<{ longitude: number; latitude: number } | null>(null);
  const [isLocating, setLocating] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ trackingCode: string; phone: string } | null>(null);
  const submissionKey = useRef(newSubmissionKey());
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const locate = () => {
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setCoords({ longitude: Number(pos.coords.longitude.toFixed(6)), latitude: Number(pos.coords.latitude.toFixed(6)) });
        setLocating(false);
        Toast.show({ icon: 'success', content: '已获取位置' });
      },
      () => {
        setLocating(false);
        Toast.show({ content: '无法获取位置，请手动填写地址' });
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  };

  const send = async (phone: string) => {
    setSubmitError(undefined);
    const v = form.getFieldsValue(true) as SubmitValues;
    try {
      const attachmentIds: string[] = [];
      for (const [i, p] of photos.entries()) {
        setProgress(`正在上传照片 ${i + 1}/${photos.length}`);
        attachmentIds.push((await api.upload(p.file)).data.id);
      }
      setProgress('正在提交');
      const categoryCode = [...(v.category ?? [])].reverse().find((c): c is string => !!c);
      const res = await api.post<AppealDetail>('/api/appeals', {
        title: v.title?.trim() || undefined,
        body: v.body.trim(),
        categoryCode,
        residentName: v.residentName?.trim() || undefined,
        address: v.address?.trim() || undefined,
        ...(coords ?? {}),
        phone,
        isConfidential: v.isConfidential,
        mayPublish: v.mayPublish,
        attachmentIds,
        channel: 'mobile',
        channelRef: submissionKey.current,
      });
      setCreated({ trackingCode: res.data.trackingCode, phone });
      setStep('done');
    } catch (e) {
      const formFields = ['title', 'body', 'residentName', 'address', 'categoryCode'];
      if (e instanceof ApiError && e.details.some((d) => formFields.includes(formFieldOf(d.field)))) {
        form.setFields(
          e.details.map((d) => {
            const f = formFieldOf(d.field);
            return { name: f === 'categoryCode' ? 'category' : f, errors: [d.message || e.message] };
          }),
        );
        setStep('form');
        Toast.show({ content: '请按提示修改后再提交' });
      } else {
        setSubmitError(errorText(e));
      }
    } finally {
      setProgress(null);
    }
  };

  const restart = () => {
    form.resetFields();
    setPhotos([]);
    setCoords(null);
    setCreated(null);
    submissionKey.current = newSubmissionKey();
    setStep('form');
  };

  if (step === 'done' && created) {
    return (
      <div className="ms-page">
        <Result status="success" title="提交成功" description="我们会尽快受理，办理进度会通过短信告知您。" />
        <div className="ms-card ms-code-card">
          <div className="ms-hint">受理编号（请牢记，凭编号和手机号查询进度）</div>
          <div className="ms-code" data-testid="tracking-code">
            {created.trackingCode}
          </div>
        </div>
        <div className="ms-actions">
          <Link to={`/m/track?code=${created.trackingCode}&phone=${created.phone}`} className="ms-link-button ms-link-button--primary">
            查看办理进度
          </Link>
          <Button block size="large" onClick={restart}>
            再反映一件事
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="ms-page">
      <div style={{ display: step === 'form' ? undefined : 'none' }}>
        <Form
          form={form}
          name="appeal"
          layout="vertical"
          initialValues={{ isConfidential: false, mayPublish: true, category: [] }}
          onFinish={() => setStep('verify')}
          footer={
            <Button block type="submit" color="primary" size="large">
              下一步：验证手机号
            </Button>
          }
        >
          <Form.Header>请描述您遇到的问题，我们会交给负责的部门办理</Form.Header>
          <Form.Item name="title" label="标题（选填）" rules={[{ max: LIMITS.titleMax, message: `标题不超过${LIMITS.titleMax}字` }]}>
            <Input placeholder="一句话概括，如：小区门口路灯不亮" maxLength={LIMITS.titleMax} clearable />
          </Form.Item>
          <Form.Item
            name="body"
            label="诉求内容"
            rules={[
              { required: true, message: '请填写诉求内容' },
              { min: LIMITS.bodyMin, message: `诉求内容至少${LIMITS.bodyMin}个字` },
            ]}
          >
            <TextArea placeholder="发生了什么、在哪里、持续多久、希望怎样解决" autoSize={{ minRows: 4, maxRows: 10 }} maxLength={LIMITS.bodyMax} showCount />
          </Form.Item>
          <Form.Item
            name="category"
            label="问题分类（选填）"
            trigger="onConfirm"
            onClick={(_e, ref) => {
              (ref.current as { open?: () => void } | null)?.open?.();
            }}
            arrow
          >
            <CascadePicker options={options} title="选择问题分类" cancelText="取消" confirmText="确定">
              {(items) => {
                const names = items.filter((i) => i).map((i) => i?.label);
                return names.length ? names.join(' / ') : <span className="ms-placeholder">{categories.error ? '分类加载失败，可不选' : '请选择（不确定可不选）'}</span>;
              }}
            </CascadePicker>
          </Form.Item>
          <Form.Item name="address" label="地点（选填）" description={coords ? `已定位：经度 ${coords.longitude}，纬度 ${coords.latitude}` : undefined}>
            <Input placeholder="如：颍州区文峰街道某小区东门" maxLength={LIMITS.addressMax} clearable />
          </Form.Item>
          {canLocate && (
            <div className="ms-inline-actions">
              <Button size="small" fill="outline" onClick={locate} loading={isLocating}>
                使用我的位置
              </Button>
              {coords && (
                <Button size="small" fill="none" onClick={() => setCoords(null)}>
                  清除位置
                </Button>
              )}
            </div>
          )}
          <Form.Item label="照片（选填）">
            <PhotoPicker value={photos} onChange={setPhotos} />
          </Form.Item>
          <Form.Item name="residentName" label="您的称呼（选填）">
            <Input placeholder="如：王先生" maxLength={50} clearable />
          </Form.Item>
          <Form.Item name="isConfidential" label="保密" valuePropName="checked" childElementPosition="right" description="开启后，承办单位看不到您的姓名和电话">
            <Switch aria-label="保密" />
          </Form.Item>
          <Form.Item name="mayPublish" label="同意在回音壁公开" valuePropName="checked" childElementPosition="right" description="公开时隐去姓名、电话、门牌号，照片不公开">
            <Switch aria-label="同意在回音壁公开" />
          </Form.Item>
        </Form>
      </div>
      {step === 'verify' && (
        <div>
          {progress && (
            <div className="ms-progress" role="status">
              {progress}…
            </div>
          )}
          {session.phone ? (
            <div className="ms-card">
              <p>
                将以已验证的手机号 <b>{maskPhone(session.phone)}</b> 提交。
              </p>
              {submitError && (
                <div className="ms-form-error" role="alert">
                  {submitError}
                </div>
              )}
              <Button block color="primary" size="large" loading={progress !== null} onClick={() => void send(session.phone ?? '')}>
                确认提交
              </Button>
            </div>
          ) : (
            <PhoneVerify submitText="验证并提交" footerError={submitError} onVerified={send} />
          )}
          <Button block fill="none" onClick={() => setStep('form')} style={{ marginTop: 8 }}>
            返回修改
          </Button>
        </div>
      )}
    </div>
  );
}

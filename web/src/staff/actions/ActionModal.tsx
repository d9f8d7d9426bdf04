/**
 * One workflow action in a modal: its form, `POST /api/appeals/:id/actions/<action>` with the
 * appeal's version, the server's field errors next to the fields, and a confirmation.
 */
import { Alert, App, Button, Form, Modal, Result } from 'antd';
import { useState } from 'react';
import type { AppealAction } from '../../../../shared/workflow';
import { api, ApiError } from '../../api';
import { actionLabel, formatTime } from '../../format';
import type { AppealDetail, AppealEvent } from '../../types';
import { showApiError } from '../forms';
import { ActionFields, initialValuesOf, type ActionTarget } from './ActionFields';

/** The answer of an action. */
export interface ActionResult {
  appeal: AppealDetail;
  event: AppealEvent;
}

const DANGER: readonly AppealAction[] = ['reject', 'return', 'reject_reply', 'refuse_extension', 'warn', 'escalate'];

/** Whether an action is a refusal or a sanction (shown as a danger button). */
export function isDangerAction(action: AppealAction): boolean {
  return DANGER.includes(action);
}

/** Drops empty strings, empty optional lists and undefined so optional fields are simply absent. */
function cleanBody(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') {
      if (v.trim() === '') continue;
      out[k] = v.trim();
      continue;
    }
    out[k] = v;
  }
  return out;
}

export interface ActionModalProps {
  action: AppealAction;
  appeal: ActionTarget;
  onClose: () => void;
  /** After success; the modal closes itself unless `isResultShown`. */
  onDone: (result: ActionResult) => void;
  /** Someone else changed the appeal (409 VERSION_CONFLICT): the caller reloads it. */
  onConflict: () => void;
  /** Keep the modal open with the server's answer (one-click actions from a list). */
  isResultShown?: boolean;
}

/** The modal form of one action. */
export function ActionModal({ action, appeal, onClose, onDone, onConflict, isResultShown = false }: ActionModalProps) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const { message } = App.useApp();
  const label = actionLabel(action);

  const submit = async () => {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const body = { ...cleanBody(form.getFieldsValue(true) as Record<string, unknown>), version: appeal.version };
      const res = await api.post<ActionResult>(`/api/appeals/${appeal.id}/actions/${action}`, body);
      message.success(`${label}成功：${res.data.appeal.statusLabel}`);
      onDone(res.data);
      if (isResultShown) setResult(res.data);
      else onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') {
        message.warning('该诉求刚刚被其他人更新，已重新加载，请确认后再操作');
        onConflict();
        onClose();
        return;
      }
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <Modal open title={label} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>}>
        <Result
          status="success"
          title={`${label}成功`}
          subTitle={`${result.appeal.trackingCode} ${result.appeal.title} · 当前状态：${result.appeal.statusLabel} · ${formatTime(result.event.at)}`}
        />
      </Modal>
    );
  }

  return (
    <Modal
      open
      title={`${label} · ${appeal.title}`}
      onCancel={onClose}
      width={action === 'reply' || action === 'assign' || action === 'reassign' ? 720 : 560}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="ok" type="primary" danger={isDangerAction(action)} loading={isBusy} onClick={submit}>
          确认{label}
        </Button>,
      ]}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name={`action-${action}`}
        initialValues={initialValuesOf(action, appeal)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
      >
        <ActionFields action={action} appeal={appeal} />
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

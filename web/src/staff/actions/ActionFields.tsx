/** The form fields of each workflow action's body (the server validates again and names any bad field). */
import { Button, Form, Input, InputNumber, Radio, Select, Space, Tooltip, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { LIMITS, RATING_LABELS, RATINGS } from '../../../../shared/domain';
import type { AppealAction } from '../../../../shared/workflow';
import { api } from '../../api';
import { categoryTree, unitTree } from '../../tree';
import type { AppealSummary, RelatedAppeal } from '../../types';
import { useCategories, useTimeLimitClasses, useUnits } from '../../refdata';
import { useDispatchSuggestion } from '../suggest';
import { ReplyFields } from './ReplyFields';

const { TextArea } = Input;

/** What an action form needs to know about its appeal (a list row is enough for most actions). */
export interface ActionTarget {
  id: string;
  version: number;
  title: string;
  body?: string;
  categoryCode: string | null;
  related?: RelatedAppeal[];
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

function Note({ name = 'note', label = '备注（选填）', isRequired = false, placeholder }: { name?: string; label?: string; isRequired?: boolean; placeholder?: string }) {
  return (
    <Form.Item name={name} label={label} rules={isRequired ? required(`请填写${label.replace(/（.*）/, '')}`) : []}>
      <TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={LIMITS.reasonMax} showCount placeholder={placeholder} />
    </Form.Item>
  );
}

function TimeLimitClassField({ name = 'timeLimitClass', label = '办理时限分类（选填）' }: { name?: string; label?: string }) {
  const classes = useTimeLimitClasses();
  return (
    <Form.Item name={name} label={label}>
      <Select
        allowClear
        placeholder="默认按分类确定"
        options={(classes.data ?? []).map((c) => ({ value: c.code, label: `${c.name}（${c.handleDays === null ? '会商确定' : `${c.handleDays}个工作日`}）` }))}
      />
    </Form.Item>
  );
}

function UnitField({ name, label, isMultiple = false, isRequired = false }: { name: string; label: string; isMultiple?: boolean; isRequired?: boolean }) {
  const units = useUnits();
  const options = useMemo(() => unitTree(units.data ?? []), [units.data]);
  return (
    <Form.Item name={name} label={label} rules={isRequired ? [{ required: true, message: `请选择${label}` }] : []}>
      <TreeSelect multiple={isMultiple} allowClear showSearch treeNodeFilterProp="label" treeData={options} placeholder="输入单位名称搜索" treeDefaultExpandAll={false} />
    </Form.Item>
  );
}

/** 并案 target: search open appeals by tracking code or words; related appeals are offered first. */
function MergeTargetField({ appeal }: { appeal: ActionTarget }) {
  const [found, setFound] = useState<AppealSummary[]>([]);
  const options = [
    ...(appeal.related ?? []).map((r) => ({ value: r.id, label: `${r.trackingCode} ${r.title}（相关）` })),
    ...found.filter((a) => a.id !== appeal.id && !(appeal.related ?? []).some((r) => r.id === a.id)).map((a) => ({ value: a.id, label: `${a.trackingCode} ${a.title}（${a.statusLabel}）` })),
  ];
  const search = (q: string) => {
    if (q.trim().length < 2) return;
    api.get<AppealSummary[]>('/api/appeals', { q: q.trim(), pageSize: 10 }).then(
      (env) => setFound(env.data),
      () => setFound([]),
    );
  };
  return (
    <Form.Item name="targetId" label="并入的诉求（较早受理的同类诉求）" rules={[{ required: true, message: '请选择要并入的诉求' }]}>
      <Select showSearch filterOption={false} onSearch={search} options={options} placeholder="输入受理编号或关键词搜索" notFoundContent="输入至少2个字搜索" />
    </Form.Item>
  );
}

/** 智能派单 suggestions for the lead unit, with why; nothing is shown when the service is absent. */
function SuggestedUnits({ appeal }: { appeal: ActionTarget }) {
  const form = Form.useFormInstance();
  const suggestion = useDispatchSuggestion(appeal.title, appeal.body);
  if (!suggestion || suggestion.units.length === 0) return null;
  return (
    <Form.Item label="建议主办单位（点击采用）" style={{ marginTop: -8 }}>
      <Space wrap size={[4, 4]}>
        {suggestion.units.slice(0, 3).map((u) => (
          <Tooltip key={u.unitId} title={(u.why ?? []).join('；') || undefined}>
            <Button size="small" onClick={() => form.setFieldValue('leadUnitId', u.unitId)}>
              {u.name} {Math.round(u.p * 100)}%
            </Button>
          </Tooltip>
        ))}
      </Space>
      {suggestion.units[0]?.why && suggestion.units[0].why.length > 0 && <div className="ws-muted" style={{ marginTop: 4, fontSize: 12 }}>依据：{suggestion.units[0].why.join('；')}</div>}
    </Form.Item>
  );
}

function CategoryField() {
  const categories = useCategories();
  const options = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  return (
    <Form.Item name="categoryCode" label="问题分类（选填，可更正）">
      <TreeSelect allowClear showSearch treeNodeFilterProp="label" treeData={options} placeholder="保持原分类" />
    </Form.Item>
  );
}

/** Initial values of an action's form. */
export function initialValuesOf(action: AppealAction, appeal: ActionTarget): Record<string, unknown> {
  switch (action) {
    case 'accept':
      return { categoryCode: appeal.categoryCode ?? undefined };
    case 'reply':
      return { resolution: 'resolved', attachmentIds: [] };
    case 'warn':
      return { level: 'yellow' };
    case 'assign':
    case 'reassign':
      return { coUnitIds: [] };
    default:
      return {};
  }
}

/** The fields of one action's body. */
export function ActionFields({ action, appeal }: { action: AppealAction; appeal: ActionTarget }) {
  switch (action) {
    case 'accept':
      return (
        <>
          <CategoryField />
          <TimeLimitClassField />
          <Note />
        </>
      );
    case 'reject':
      return <Note name="reason" label="不予受理理由" isRequired placeholder="群众会看到这段话，请说明为什么不予受理、可以去哪里反映" />;
    case 'merge':
      return (
        <>
          <MergeTargetField appeal={appeal} />
          <Note name="reason" label="并案说明（选填）" />
        </>
      );
    case 'assign':
    case 'reassign':
      return (
        <>
          <UnitField name="leadUnitId" label="主办单位" isRequired />
          <SuggestedUnits appeal={appeal} />
          <UnitField name="coUnitIds" label="协办单位（选填）" isMultiple />
          <TimeLimitClassField />
          <Form.Item name="handleDays" label="办理工作日（复杂类必填，会商确定）">
            <InputNumber min={1} max={365} style={{ width: 160 }} addonAfter="个工作日" />
          </Form.Item>
          <Note label="交办意见（选填）" />
        </>
      );
    case 'return':
      return <Note name="reason" label="退单理由" isRequired placeholder="说明为什么不属于本单位职责，建议由哪个单位办理" />;
    case 'sign':
      return <Note />;
    case 'request_extension':
      return (
        <>
          <Form.Item name="days" label="延期工作日" rules={[{ required: true, message: '请填写延期天数' }]}>
            <InputNumber min={1} max={LIMITS.extensionDaysMax} style={{ width: 160 }} addonAfter="个工作日" />
          </Form.Item>
          <Note name="reason" label="延期理由" isRequired />
        </>
      );
    case 'grant_extension':
      return (
        <>
          <Form.Item name="days" label="同意延期工作日（选填，默认按申请）">
            <InputNumber min={1} max={LIMITS.extensionDaysMax} style={{ width: 160 }} addonAfter="个工作日" />
          </Form.Item>
          <Note />
        </>
      );
    case 'refuse_extension':
      return <Note name="note" label="驳回理由" isRequired />;
    case 'reply':
      return <ReplyFields appeal={appeal} />;
    case 'approve_reply':
      return <Note label="审核意见（选填）" />;
    case 'reject_reply':
      return <Note name="reason" label="退回理由" isRequired placeholder="说明答复需要怎样修改" />;
    case 'rate':
      return (
        <>
          <Form.Item name="rating" label="群众评价（回访结果）" rules={[{ required: true, message: '请选择评价' }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={RATINGS.map((r) => ({ value: r, label: RATING_LABELS[r] }))} />
          </Form.Item>
          <Note name="comment" label="群众意见（选填）" />
        </>
      );
    case 'close':
      return <Note name="note" label="办结说明" isRequired />;
    case 'urge':
      return <Note name="message" label="催办内容" isRequired placeholder="如：该诉求已超期，请于今日内答复" />;
    case 'warn':
      return (
        <>
          <Form.Item name="level" label="警示级别" rules={[{ required: true, message: '请选择级别' }]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'yellow', label: '黄牌' },
                { value: 'red', label: '红牌' },
              ]}
            />
          </Form.Item>
          <Note name="reason" label="警示理由" isRequired />
        </>
      );
    case 'escalate':
      return (
        <>
          <Note name="reason" label="提级理由" isRequired />
          <UnitField name="toUnitId" label="提级至（选填，默认主办单位的上级）" />
        </>
      );
    case 'instruct':
      return (
        <Form.Item name="text" label="批示内容" rules={required('请填写批示内容')}>
          <TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={LIMITS.replyMax} showCount />
        </Form.Item>
      );
    case 'summon':
      return (
        <>
          <UnitField name="unitIds" label="吹哨召集的部门" isMultiple isRequired />
          <Note name="note" label="吹哨事由" isRequired />
        </>
      );
    case 'report':
      return <Note name="note" label="报到内容" isRequired placeholder="本部门已到场/已对接，将负责……" />;
  }
}

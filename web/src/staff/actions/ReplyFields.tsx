/** 答复: resolution, a reusable template for the category, the reply text and attachments. */
import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Radio, Select, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { LIMITS, RESOLUTION_LABELS, RESOLUTIONS } from '../../../../shared/domain';
import { api, errorText } from '../../api';
import type { ReplyTemplate } from '../../types';
import type { ActionTarget } from './ActionFields';
import { useApi } from '../../useApi';

const RESOLUTION_OPTIONS = RESOLUTIONS.map((r) => ({ value: r, label: RESOLUTION_LABELS[r] }));

/** The reply form's fields; `attachmentIds` is kept in step with the uploaded files. */
export function ReplyFields({ appeal }: { appeal: ActionTarget }) {
  const form = Form.useFormInstance();
  const templates = useApi<ReplyTemplate[]>('/api/reply-templates', { category: appeal.categoryCode ?? undefined });
  const [files, setFiles] = useState<UploadFile[]>([]);

  const syncIds = (list: UploadFile[]) => {
    setFiles(list);
    form.setFieldValue(
      'attachmentIds',
      list.flatMap((f) => (f.status === 'done' && typeof (f.response as { id?: string } | undefined)?.id === 'string' ? [(f.response as { id: string }).id] : [])),
    );
  };

  return (
    <>
      <Form.Item name="resolution" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
        <Radio.Group optionType="button" buttonStyle="solid" options={RESOLUTION_OPTIONS} />
      </Form.Item>
      {/* Templates are optional: if the endpoint is missing or empty the picker is not shown. */}
      {templates.data && templates.data.length > 0 && (
        <Form.Item label="答复模板（选填）" htmlFor="reply-template">
          <Select
            id="reply-template"
            allowClear
            placeholder="选择模板填入答复内容，再按实际情况修改"
            options={templates.data.map((t) => ({ value: t.id, label: t.title }))}
            onChange={(id?: string) => {
              const t = templates.data?.find((x) => x.id === id);
              if (t) form.setFieldValue('body', t.body);
            }}
          />
        </Form.Item>
      )}
      <Form.Item
        name="body"
        label="答复内容"
        rules={[
          { required: true, whitespace: true, message: '请填写答复内容' },
          { min: LIMITS.bodyMin, message: `答复内容至少${LIMITS.bodyMin}个字` },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={LIMITS.replyMax} showCount placeholder="说明做了什么、结果如何；无法办理的请说明原因和依据" />
      </Form.Item>
      <Form.Item label="附件（选填，如现场照片）">
        <Upload
          fileList={files}
          maxCount={LIMITS.attachmentsMax}
          accept="image/*,application/pdf"
          customRequest={({ file, onSuccess, onError }) => {
            api.upload(file as File).then(
              (env) => onSuccess?.(env.data),
              (e: unknown) => onError?.(new Error(errorText(e))),
            );
          }}
          onChange={({ fileList }) => syncIds(fileList)}
        >
          <Button icon={<UploadOutlined />}>上传附件</Button>
        </Upload>
      </Form.Item>
    </>
  );
}

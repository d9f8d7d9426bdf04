/** 用户与角色 (/w/admin/users): staff accounts and a form to add one. */
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { ROLE_LABELS, ROLES, UNIT_ROLES, type Role } from '../../../../shared/domain';
import { api } from '../../api';
import type { StaffUser } from '../../types';
import { useApi } from '../../useApi';
import { showApiError } from '../forms';
import { useUnits } from '../../refdata';
import { ErrorState, PageHeader } from '../ui';

interface UserForm {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  unitCode?: string;
}

/** The account list. */
export function UsersPage() {
  const users = useApi<StaffUser[]>('/api/admin/users');
  const units = useUnits();
  const unitById = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u])), [units.data]);
  const [isOpen, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const rows = (users.data ?? []).filter((u) => !filter || `${u.username}${u.displayName}${u.unitName ?? ''}`.includes(filter));

  return (
    <>
      <PageHeader
        title="用户与角色"
        crumbs={[{ label: '系统管理' }, { label: '用户与角色' }]}
        extra={
          <Button type="primary" onClick={() => setOpen(true)}>
            新增用户
          </Button>
        }
      >
        承办人、单位负责人须属于某个单位；话务员、派单员、督办员、领导为市级角色。
      </PageHeader>
      <Card size="small">
        <Input.Search aria-label="搜索用户" placeholder="按用户名、姓名、单位搜索" allowClear onSearch={setFilter} onChange={(e) => !e.target.value && setFilter('')} style={{ width: 280, marginBottom: 12 }} />
        {users.error ? (
          <ErrorState error={users.error} onRetry={users.reload} />
        ) : (
          <Table<StaffUser>
            rowKey="id"
            size="small"
            loading={users.isLoading}
            dataSource={rows}
            pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个账号` }}
            locale={{ emptyText: '没有账号。点击右上角「新增用户」创建。' }}
            columns={[
              { title: '用户名', dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username), render: (v: string) => <span className="ws-code">{v}</span> },
              { title: '姓名', dataIndex: 'displayName' },
              { title: '角色', dataIndex: 'role', render: (r: Role) => <Tag>{ROLE_LABELS[r] ?? r}</Tag>, filters: ROLES.map((r) => ({ text: ROLE_LABELS[r], value: r })), onFilter: (v, u) => u.role === v },
              { title: '单位', key: 'unit', render: (_: unknown, u) => u.unitName ?? (u.unitId ? unitById.get(u.unitId)?.name : null) ?? '—' },
              { title: '状态', dataIndex: 'isActive', render: (v?: boolean) => (v === false ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>) },
            ]}
          />
        )}
      </Card>
      {isOpen && (
        <CreateUser
          onClose={() => setOpen(false)}
          onCreated={() => {
            setOpen(false);
            users.reload();
          }}
        />
      )}
    </>
  );
}

function CreateUser({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const [form] = Form.useForm<UserForm>();
  const role = Form.useWatch('role', form);
  const units = useUnits();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const { message } = App.useApp();
  const needsUnit = role !== undefined && UNIT_ROLES.includes(role);

  const submit = async (v: UserForm) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/admin/users', { ...v, username: v.username.trim(), displayName: v.displayName.trim(), unitCode: v.unitCode || undefined });
      message.success(`已创建账号 ${v.username}`);
      onCreated();
    } catch (e) {
      setError(showApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title="新增用户" onCancel={onClose} onOk={() => form.submit()} okText="创建" confirmLoading={isBusy}>
      <Form form={form} layout="vertical" onFinish={submit} name="user">
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="password" label="初始密码" rules={[{ required: true, min: 8, message: '密码至少8位' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="unitCode" label="所属单位" rules={needsUnit ? [{ required: true, message: '该角色须属于一个单位' }] : []}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={needsUnit ? '请选择单位' : '市级角色可不选'}
            options={(units.data ?? []).map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}

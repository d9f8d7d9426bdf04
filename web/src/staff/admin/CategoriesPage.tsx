/** 分类与时限 (/w/admin/categories): time-limit classes (working days) and each category's class. */
import { App, Button, Card, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, errorText } from '../../api';
import type { Category, TimeLimitClass } from '../../types';
import { useApi } from '../../useApi';
import { invalidateReference } from '../../refdata';
import { ErrorState, PageHeader } from '../ui';

interface CategoryRow extends Category {
  children?: CategoryRow[];
}

function toRows(categories: Category[]): CategoryRow[] {
  const rows = new Map<string, CategoryRow>(categories.map((c) => [c.code, { ...c }]));
  const roots: CategoryRow[] = [];
  for (const c of categories) {
    const row = rows.get(c.code);
    if (!row) continue;
    const parent = c.parentCode ? rows.get(c.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

/** Both tables. */
export function CategoriesPage() {
  const categories = useApi<Category[]>('/api/categories');
  const classes = useApi<TimeLimitClass[]>('/api/time-limit-classes');
  const rows = useMemo(() => toRows(categories.data ?? []), [categories.data]);
  const { message } = App.useApp();

  const setClass = async (code: string, timeLimitClass: string) => {
    try {
      await api.patch(`/api/admin/categories/${encodeURIComponent(code)}`, { timeLimitClass });
      message.success('已更新分类时限');
      invalidateReference('/api/categories');
      categories.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <PageHeader title="分类与时限" crumbs={[{ label: '系统管理' }, { label: '分类与时限' }]}>
        时限按工作日计算（法定节假日和调休见「节假日日历」）。修改只影响之后交办的诉求。
      </PageHeader>
      <Card size="small" title="办理时限分类" style={{ marginBottom: 16 }}>
        {classes.error ? <ErrorState error={classes.error} onRetry={classes.reload} /> : <ClassTable classes={classes.data ?? []} isLoading={classes.isLoading} onSaved={classes.reload} />}
      </Card>
      <Card size="small" title={`问题分类（${categories.data?.length ?? 0}）`}>
        {categories.error ? (
          <ErrorState error={categories.error} onRetry={categories.reload} />
        ) : (
          <Table<CategoryRow>
            rowKey="code"
            size="small"
            loading={categories.isLoading}
            dataSource={rows}
            pagination={false}
            scroll={{ y: 520 }}
            locale={{ emptyText: '没有分类。分类随参考数据导入。' }}
            columns={[
              { title: '分类', dataIndex: 'name' },
              { title: '代码', dataIndex: 'code', width: 120, render: (c: string) => <span className="ws-code">{c}</span> },
              {
                title: '时限分类',
                dataIndex: 'timeLimitClass',
                width: 220,
                render: (v: string | null, c) => (
                  <Select
                    aria-label={`${c.name}的时限分类`}
                    size="small"
                    value={v ?? undefined}
                    placeholder="继承上级"
                    style={{ width: 180 }}
                    options={(classes.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
                    onChange={(next: string) => void setClass(c.code, next)}
                  />
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

function ClassTable({ classes, isLoading, onSaved }: { classes: TimeLimitClass[]; isLoading: boolean; onSaved: () => void }) {
  const [drafts, setDrafts] = useState<Record<string, Partial<TimeLimitClass>>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const { message } = App.useApp();
  const valueOf = <K extends 'signDays' | 'handleDays' | 'warnBeforeHours'>(c: TimeLimitClass, k: K) => (drafts[c.code]?.[k] !== undefined ? drafts[c.code]?.[k] : c[k]);
  const edit = (code: string, patch: Partial<TimeLimitClass>) => setDrafts((d) => ({ ...d, [code]: { ...d[code], ...patch } }));

  const save = async (c: TimeLimitClass) => {
    setSaving(c.code);
    try {
      await api.patch(`/api/admin/time-limit-classes/${c.code}`, { signDays: valueOf(c, 'signDays'), handleDays: valueOf(c, 'handleDays'), warnBeforeHours: valueOf(c, 'warnBeforeHours') });
      message.success(`已保存「${c.name}」`);
      setDrafts((d) => ({ ...d, [c.code]: {} }));
      invalidateReference('/api/time-limit-classes');
      onSaved();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setSaving(null);
    }
  };

  return (
    <Table<TimeLimitClass>
      rowKey="code"
      size="small"
      loading={isLoading}
      dataSource={classes}
      pagination={false}
      columns={[
        { title: '名称', dataIndex: 'name', render: (n: string, c) => (<Space>{n}<span className="ws-muted ws-code">{c.code}</span></Space>) },
        { title: '签收（工作日）', key: 'sign', render: (_: unknown, c) => <InputNumber aria-label={`${c.name}签收工作日`} size="small" min={0} max={30} value={valueOf(c, 'signDays')} onChange={(v) => edit(c.code, { signDays: v ?? 0 })} /> },
        {
          title: '办理（工作日）',
          key: 'handle',
          render: (_: unknown, c) => (
            <InputNumber aria-label={`${c.name}办理工作日`} size="small" min={1} max={365} placeholder="会商确定" value={valueOf(c, 'handleDays')} onChange={(v) => edit(c.code, { handleDays: v ?? null })} />
          ),
        },
        { title: '提前预警（小时）', key: 'warn', render: (_: unknown, c) => <InputNumber aria-label={`${c.name}提前预警小时`} size="small" min={0} max={240} value={valueOf(c, 'warnBeforeHours')} onChange={(v) => edit(c.code, { warnBeforeHours: v ?? 0 })} /> },
        {
          title: '操作',
          key: 'save',
          render: (_: unknown, c) => (
            <Button size="small" type="primary" disabled={!drafts[c.code] || Object.keys(drafts[c.code] ?? {}).length === 0} loading={saving === c.code} onClick={() => void save(c)}>
              保存
            </Button>
          ),
        },
      ]}
      footer={() => <Typography.Text type="secondary">「办理」留空表示会商确定（复杂类诉求交办时填写天数）。</Typography.Text>}
    />
  );
}

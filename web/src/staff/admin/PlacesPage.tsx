/**
 * 地名库 (/w/admin/places): the city's own place list — estates, roads, landmarks, villages with the
 * region they are in — loaded from a CSV file; the place extractor reads it as soon as it is saved.
 */
import { Alert, App, Button, Card, Checkbox, Input, Popconfirm, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api';
import { useApi } from '../../useApi';
import { ErrorState, PageHeader } from '../ui';

interface Place {
  name: string;
  regionCode: string;
  regionName: string;
  kind: 'road' | 'community' | 'landmark' | 'village' | 'town';
  createdAt: string;
}

const KIND_LABELS: Record<Place['kind'], string> = { road: '道路', community: '小区/社区', landmark: '地标/单位', village: '村', town: '片区/乡镇' };
const PAGE_SIZE = 50;

/** Search, the list, and the CSV upload. */
export function PlacesPage() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const places = useApi<Place[]>('/api/admin/places', { q: q || undefined, page, pageSize: PAGE_SIZE });
  const [replace, setReplace] = useState(false);
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [isBusy, setBusy] = useState(false);
  const { message } = App.useApp();

  const upload = async (file: File) => {
    setBusy(true);
    setResult(null);
    try {
      const csv = await file.text();
      const r = await api.post<{ received: number; added: number; total: number }>('/api/admin/places/import', { csv, replace });
      setResult({ type: 'success', text: `已读入${r.data.received}条，其中新增${r.data.added}条；地名库现有${r.data.total}条。新诉求立即按新地名识别发生地。` });
      setPage(1);
      places.reload();
    } catch (e) {
      // The server names the field (body.csv) before the line; the reader only needs the line.
      setResult({ type: 'error', text: `${file.name}：${errorText(e).replace(/^body\.csv: /, '')}（整个文件未导入）` });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (p: Place) => {
    try {
      await api.del(`/api/admin/places/${p.regionCode}/${encodeURIComponent(p.name)}`);
      message.success(`已删除「${p.name}」`);
      places.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <>
      <PageHeader title="地名库" crumbs={[{ label: '系统管理' }, { label: '地名库' }]}>
        本市的小区、道路、地标和村庄及其所属区域。智能分派识别诉求发生地时，除行政区划外还会查这里的地名。
      </PageHeader>
      <Card size="small" title="导入CSV" style={{ marginBottom: 16 }}>
        <p className="ws-muted" style={{ marginTop: 0 }}>
          UTF-8 编码，第一行为表头：名称,类型,区域。类型为 道路、小区、地标、村 或 乡镇；区域填区划代码、县区或乡镇街道名称，重名时写「县区/乡镇」。任一行有误则整个文件不导入，并指出第几行。
        </p>
        <Space wrap>
          <Upload accept=".csv,text/csv" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
            <Button type="primary" loading={isBusy}>
              选择CSV文件导入
            </Button>
          </Upload>
          <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)}>
            以文件替换现有地名库（删除文件中没有的地名）
          </Checkbox>
        </Space>
        {result && <Alert type={result.type} showIcon message={result.text} style={{ marginTop: 12 }} role={result.type === 'error' ? 'alert' : 'status'} />}
      </Card>
      <Card size="small">
        <div style={{ marginBottom: 12 }}>
          <Input.Search
            aria-label="搜索地名"
            placeholder="搜索地名"
            allowClear
            style={{ width: 280 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
        </div>
        {places.error ? (
          <ErrorState error={places.error} onRetry={places.reload} />
        ) : (
          <Table<Place>
            rowKey={(p) => `${p.regionCode}/${p.name}`}
            size="small"
            loading={places.isLoading}
            dataSource={places.data ?? []}
            locale={{ emptyText: q ? '没有匹配的地名。' : '地名库还是空的。导入一个CSV文件开始；智能分派也会从派单员确认过的诉求中自动学习地名。' }}
            pagination={{ current: page, pageSize: PAGE_SIZE, total: places.page?.total ?? 0, showSizeChanger: false, showTotal: (n) => `共 ${n} 条`, onChange: setPage }}
            columns={[
              { title: '名称', dataIndex: 'name' },
              { title: '类型', dataIndex: 'kind', width: 120, render: (k: Place['kind']) => <Tag>{KIND_LABELS[k] ?? k}</Tag> },
              { title: '所属区域', dataIndex: 'regionName', width: 200, render: (n: string, p) => `${n}（${p.regionCode}）` },
              {
                title: '操作',
                key: 'del',
                width: 80,
                render: (_: unknown, p) => (
                  <Popconfirm title={`删除地名「${p.name}」？`} okText="删除" cancelText="取消" onConfirm={() => remove(p)}>
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

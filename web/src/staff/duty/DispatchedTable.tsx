/** Posts turned into appeals, with the loop's times and where each appeal stands (briefs and the leader's loop). */
import { Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { formatTime } from '../../format';
import { PLATFORM_LABELS, formatSeconds, type DispatchedItem } from './types';

const since = (from: string | null, to: string | null) => (from && to ? formatSeconds((new Date(to).getTime() - new Date(from).getTime()) / 1000) : '—');

export function DispatchedTable({ items, emptyText }: { items: DispatchedItem[]; emptyText: string }) {
  return (
    <Table<DispatchedItem>
      rowKey="postId"
      size="small"
      dataSource={items}
      pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      locale={{ emptyText }}
      scroll={{ x: 1100 }}
      columns={[
        { title: '受理编号', dataIndex: 'trackingCode', width: 130, render: (c: string, i) => <Link to={`/w/appeals/${i.appealId}`}>{c}</Link> },
        { title: '诉求标题', dataIndex: 'title', width: 220, ellipsis: { showTitle: true } },
        { title: '平台', dataIndex: 'platform', width: 80, render: (p: string) => PLATFORM_LABELS[p] ?? p },
        { title: '承办单位', dataIndex: 'leadUnitName', render: (v: string | null) => v ?? '—' },
        {
          title: '状态',
          dataIndex: 'statusLabel',
          render: (label: string, i) => (
            <>
              <Tag color={i.status === 'closed' ? 'success' : 'processing'}>{label}</Tag>
              {i.isOverdue && <Tag color="red">超期</Tag>}
            </>
          ),
        },
        { title: '发帖', dataIndex: 'postedAt', render: (v: string) => formatTime(v) },
        { title: '发现用时', key: 'pd', render: (_: unknown, i) => since(i.postedAt, i.detectedAt) },
        { title: '转办用时', key: 'dd', render: (_: unknown, i) => since(i.detectedAt, i.dispatchedAt) },
        { title: '答复用时', key: 'dr', render: (_: unknown, i) => since(i.dispatchedAt, i.repliedAt) },
        { title: '办结用时', key: 'rr', render: (_: unknown, i) => since(i.repliedAt, i.resolvedAt) },
      ]}
    />
  );
}

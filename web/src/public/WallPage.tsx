/**
 * 回音壁 (/ and /wall): answered appeals their residents allowed to publish, already masked by the
 * server (names, phones, house numbers; no photos). Search and filters, and the tracking lookup.
 */
import { Button, Card, Col, ConfigProvider, Empty, Form, Input, List, Pagination, Row, Space, Tag, TreeSelect, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { PHONE_PATTERN, RATING_LABELS } from '../../../shared/domain';
import { errorText } from '../api';
import { formatDate, formatTime } from '../format';
import { useCategories, useRegions } from '../refdata';
import { categoryTree, nameMap, regionTree } from '../tree';
import type { PublicAppeal } from '../types';
import { useApi } from '../useApi';
import './wall.css';

const PAGE_SIZE = 10;

/** The public page. */
export function WallPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? undefined;
  const region = params.get('region') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useApi<PublicAppeal[]>('/api/public/appeals', { q, category, region, page, pageSize: PAGE_SIZE });
  const categories = useCategories();
  const regions = useRegions();
  const categoryOptions = useMemo(() => categoryTree(categories.data ?? []), [categories.data]);
  const regionOptions = useMemo(() => regionTree(regions.data ?? []), [regions.data]);
  const categoryNames = useMemo(() => nameMap(categories.data, (c) => c.code), [categories.data]);
  const regionNames = useMemo(() => nameMap(regions.data, (r) => r.code), [regions.data]);
  const [draft, setDraft] = useState(q);

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };

  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#c8102e', borderRadius: 6 } }}>
      <div className="wall">
        <header className="wall__hero">
          <div className="wall__inner">
            <nav className="wall__nav" aria-label="站点导航">
              <span className="wall__brand">民声</span>
              <Space size="large" wrap>
                <Link to="/m/submit">我要反映</Link>
                <Link to="/m/track">进度查询</Link>
                <Link to="/login">工作人员登录</Link>
              </Space>
            </nav>
            <h1 className="wall__title">回音壁</h1>
            <p className="wall__subtitle">件件有回音，事事有着落 —— 群众反映的问题与办理答复公开（已隐去个人信息）</p>
            <form
              className="wall__search"
              role="search"
              onSubmit={(e) => {
                e.preventDefault();
                update({ q: draft.trim() || undefined });
              }}
            >
              <label htmlFor="wall-q" className="visually-hidden">
                搜索回音壁
              </label>
              <Input.Search id="wall-q" size="large" placeholder="搜索问题或答复，如：路灯、噪音、供暖" value={draft} onChange={(e) => setDraft(e.target.value)} onSearch={(v) => update({ q: v.trim() || undefined })} enterButton="搜索" allowClear />
            </form>
          </div>
        </header>
        <main className="wall__inner wall__main">
          <Row gutter={[24, 24]}>
            <Col xs={24} lg={17}>
              <div className="wall__filters">
                <span className="wall__filter">
                  <label htmlFor="wall-category">分类</label>
                  <TreeSelect id="wall-category" allowClear showSearch treeNodeFilterProp="label" treeData={categoryOptions} value={category} onChange={(v?: string) => update({ category: v })} placeholder="全部分类" style={{ width: 180 }} popupMatchSelectWidth={260} />
                </span>
                <span className="wall__filter">
                  <label htmlFor="wall-region">区域</label>
                  <TreeSelect id="wall-region" allowClear showSearch treeNodeFilterProp="label" treeData={regionOptions} value={region} onChange={(v?: string) => update({ region: v })} placeholder="全市" style={{ width: 160 }} popupMatchSelectWidth={260} />
                </span>
                {list.page && <span className="wall__count">共 {list.page.total} 条</span>}
              </div>
              {list.error ? (
                <Card>
                  <Empty description={list.error.isNotFound ? '回音壁暂未开放，请稍后再来。' : `加载失败：${errorText(list.error)}`}>
                    <Button onClick={list.reload}>重试</Button>
                  </Empty>
                </Card>
              ) : (
                <List
                  loading={list.isLoading}
                  dataSource={list.data ?? []}
                  locale={{
                    emptyText: (
                      <Empty
                        description={
                          q || category || region ? (
                            <span>
                              没有找到相关内容，换个关键词或<Typography.Link onClick={() => setParams(new URLSearchParams())}>清除筛选</Typography.Link>试试。
                            </span>
                          ) : (
                            '还没有公开的答复。'
                          )
                        }
                      />
                    ),
                  }}
                  renderItem={(a) => (
                    <li key={a.id} className="wall__item" data-testid="wall-item">
                      <article>
                        <h2 className="wall__item-title">{a.title}</h2>
                        <div className="wall__meta">
                          {a.categoryCode && <Tag>{categoryNames.get(a.categoryCode) ?? a.categoryCode}</Tag>}
                          {a.regionCode && <Tag>{regionNames.get(a.regionCode) ?? a.regionCode}</Tag>}
                          <span>反映于 {formatDate(a.createdAt)}</span>
                        </div>
                        <p className="wall__body">{a.body}</p>
                        {a.reply ? (
                          <div className="wall__reply">
                            <div className="wall__reply-head">
                              <b>{a.unitName ?? '承办单位'}答复</b>
                              <Tag color="green">{a.reply.resolutionLabel}</Tag>
                              <span className="wall__muted">{formatTime(a.reply.at)}</span>
                            </div>
                            <p className="wall__body">{a.reply.body}</p>
                          </div>
                        ) : (
                          <div className="wall__muted">办理中</div>
                        )}
                        {a.rating && (
                          <div className="wall__rating">
                            群众评价：<Tag color={a.rating === 'unsatisfied' ? 'orange' : 'red'}>{RATING_LABELS[a.rating]}</Tag>
                          </div>
                        )}
                      </article>
                    </li>
                  )}
                />
              )}
              {list.page && list.page.total > PAGE_SIZE && (
                <Pagination className="wall__pager" current={page} pageSize={PAGE_SIZE} total={list.page.total} showSizeChanger={false} onChange={(p) => update({ page: p > 1 ? String(p) : undefined })} />
              )}
            </Col>
            <Col xs={24} lg={7}>
              <TrackBox />
              <Card size="small" title="我要反映" className="wall__side">
                <p>遇到城市管理、环境、交通、教育等问题，可以在手机上直接反映，全程可查询办理进度。</p>
                <Link to="/m/submit" className="wall__cta">
                  我要反映
                </Link>
                <p className="wall__muted" style={{ marginTop: 12 }}>
                  也可以拨打 12345 政务服务便民热线。
                </p>
              </Card>
            </Col>
          </Row>
        </main>
        <footer className="wall__footer">民声 · 网上群众路线 · 网上有人看、网下有人办</footer>
      </div>
    </ConfigProvider>
  );
}

/** The resident tracking lookup on the wall: on to /m/track with code and phone. */
function TrackBox() {
  const navigate = useNavigate();
  return (
    <Card size="small" title="进度查询" className="wall__side">
      <Form layout="vertical" name="wall-track" onFinish={(v: { code: string; phone: string }) => navigate(`/m/track?code=${encodeURIComponent(v.code.trim().toUpperCase())}&phone=${encodeURIComponent(v.phone.trim())}`)}>
        <Form.Item name="code" label="受理编号" rules={[{ required: true, message: '请输入受理编号' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label="手机号"
          rules={[
            { required: true, message: '请输入手机号' },
            { pattern: PHONE_PATTERN, message: '请输入正确的手机号' },
          ]}
        >
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          查询
        </Button>
      </Form>
    </Card>
  );
}

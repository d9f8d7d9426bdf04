/**
 * The duty console in the browser: the duty officer has /w/duty open; a negative post about a gas
 * leak in 颍州区 is pushed (signed, through the real push API) and pushed again with rising
 * engagement; its alert appears on the open console without a reload; the officer dispatches it
 * as an appeal to the proposed unit, whose handler then finds it in 待签收. Along the way: the
 * roster, the briefs, the schemes page with a preview, the sources page and the leader's loop.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPush } from '../server/monitor/ingest/signature';
import { env, launchBrowser, pickUnit, screenshot, StaffApi, staffPage } from './support';

const suite = env.skipReason ? describe.skip : describe;
if (env.skipReason) process.stdout.write(`[e2e] duty: skipped — ${env.skipReason}\n`);

const TAG = Date.now().toString(36).slice(-5).toUpperCase();
const TITLE = `幸福里小区燃气泄漏${TAG}`;
const POST_ID = `e2e-duty-${TAG}`;

interface Source {
  code: string;
  secret: string;
}

/** Pushes posts through the real HTTP push API, signed with the source's secret. */
async function push(source: Source, posts: object[]): Promise<{ received: number; created: number; updated: number; alerts: number }> {
  const body = JSON.stringify({ posts });
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(`${env.apiUrl}/api/monitor/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-minsheng-source': source.code, 'x-minsheng-timestamp': String(timestamp), 'x-minsheng-signature': signPush(source.secret, timestamp, body) },
    body,
  });
  const json = (await res.json()) as { data: { received: number; created: number; updated: number; alerts: number } };
  expect(res.status, JSON.stringify(json)).toBe(200);
  return json.data;
}

/** The post, at a given engagement: the same platform id, so a second push updates it. */
function gasLeakPost(engagement: { likes: number; shares: number; comments: number; views: number }) {
  return {
    platform: 'weibo',
    platformPostId: POST_ID,
    author: { name: '清河街道居民', followers: 2300 },
    text: `颍州区清河街道幸福里小区（${TAG}）三号楼燃气泄漏，楼道里煤气味特别大，打物业电话一直没人管，老人孩子都很害怕，太危险了！`,
    url: `https://weibo.example.com/${POST_ID}`,
    place: '颍州区清河街道幸福里小区',
    publishedAt: new Date(Date.now() - 24 * 60_000).toISOString(),
    engagement,
  };
}

/** A push source made through the admin API (its secret is shown once, here), and an alert rule if the city has none. */
async function arrangeIntake(): Promise<Source> {
  const admin = await StaffApi.login('admin');
  const created = await admin.ok<{ code: string; secret: string }>('POST', '/api/monitor/sources', { code: `e2e-duty-${TAG.toLowerCase()}`, name: '端到端测试推送源', kind: 'push', platform: 'weibo' });
  const rules = await admin.ok<{ kind: string; isActive: boolean }[]>('GET', '/api/monitor/rules');
  if (!rules.some((r) => r.kind === 'negative_rising' && r.isActive)) {
    await admin.ok('POST', '/api/monitor/rules', { name: '负面舆情升温', kind: 'negative_rising', level: 'orange', params: { minNegativity: 0.6, minHeat: 5, minGrowth: 1.2 } });
  }
  // Someone is on duty now, so the console and the roster show a shift.
  const officers = await admin.ok<{ id: string; username: string }[]>('GET', '/api/monitor/roster/officers');
  const duty = officers.find((o) => o.username === 'duty');
  if (duty) {
    const now = Date.now();
    await admin.call('POST', '/api/monitor/roster', { userId: duty.id, startsAt: new Date(now - 3600_000).toISOString(), endsAt: new Date(now + 7 * 3600_000).toISOString(), isLead: true });
  }
  return { code: created.code, secret: created.secret };
}

/** Full-page screenshot of a page once its network is quiet. */
async function shoot(page: Page, url: string, name: string, ready?: string): Promise<void> {
  await page.goto(url);
  if (ready) await page.getByTestId(ready).first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
}

suite('the duty console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a pushed, rising negative post live and dispatches it to the proposed unit’s 待签收 queue', async () => {
    const source = await arrangeIntake();
    const { context, page } = await staffPage(browser, 'duty');
    await page.goto('/w/duty');
    await expect.poll(() => page.getByText('实时推送已连接').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // A marker that a reload would wipe out.
    await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));

    const first = await push(source, [gasLeakPost({ likes: 30, shares: 8, comments: 12, views: 900 })]);
    expect(first.created).toBe(1);
    const second = await push(source, [gasLeakPost({ likes: 280, shares: 96, comments: 75, views: 15000 })]);
    expect(second.updated).toBe(1);

    const item = page.getByTestId('alert-queue').locator('li', { hasText: TAG });
    try {
      await expect.poll(() => item.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    } catch (e) {
      await screenshot(page, 'duty-failed-no-alert');
      throw e;
    }
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
    expect(await item.first().getAttribute('class')).toContain('duty-alert--new');

    // The officer writes a handover note while at it.
    await page.getByLabel('交接班记录').fill(`幸福里小区燃气泄漏（${TAG}）已发现，正在转办。`);
    await page.getByRole('button', { name: '保存交接记录' }).click();
    await expect.poll(() => page.getByTestId('duty-panel').getByText(`（${TAG}）已发现`).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    await item.first().focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('alert-detail');
    await expect.poll(() => detail.getByTestId('post-text').textContent(), { timeout: 10_000 }).toContain(TAG);
    await expect.poll(() => detail.locator('canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // Give smart dispatch a moment to propose a unit before the form opens.
    await expect.poll(() => detail.getByText('正在分析承办单位').count(), { timeout: 10_000 }).toBe(0);
    await screenshot(page, 'duty-console');

    // Headless Chromium paints a modal's mask off-screen on a scrolled page: a screen tall enough for the whole console.
    await page.setViewportSize({ width: 1440, height: 1400 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await detail.getByRole('button', { name: '转为诉求' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const unitItem = dialog.locator('.ant-form-item', { has: page.getByText('承办单位', { exact: true }) }).locator('.ant-select-selection-item');
    let unitName = (await unitItem.count()) > 0 ? ((await unitItem.first().getAttribute('title')) ?? (await unitItem.first().innerText())) : '';
    if (!unitName) {
      // No proposal (smart dispatch unavailable): the officer picks the gas company.
      await pickUnit(dialog, '承办单位', '阜阳市燃气公司');
      unitName = '阜阳市燃气公司';
    }
    await dialog.getByLabel('诉求标题').fill(TITLE);
    await dialog.getByLabel('给承办单位的说明（选填）').fill('请立即派人上门排查，注意安全。');
    await page.waitForTimeout(500); // the modal and its mask fade in
    await screenshot(page, 'duty-dispatch-form', false);
    await dialog.getByRole('button', { name: '确认转为诉求' }).click();
    await expect.poll(() => detail.getByText('已转为诉求').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const trackingCode = (await detail.locator('a[href^="/w/appeals/"]').first().innerText()).trim();
    expect(trackingCode).toMatch(/^[0-9A-Z]{8,20}$/);
    // The alert left the open queue on every console (this one included) through the stream.
    await expect.poll(() => page.getByTestId('alert-queue').locator('li', { hasText: TAG }).count(), { timeout: 10_000 }).toBe(0);
    await screenshot(page, 'duty-console-dispatched');
    await context.close();

    // The proposed (or chosen) unit's handler finds it waiting to be signed for.
    const dispatcher = await StaffApi.login('dispatcher');
    const units = await dispatcher.ok<{ id: string; code: string; name: string }[]>('GET', '/api/units');
    const unit = units.find((u) => u.name === unitName);
    expect(unit, `unit ${unitName}`).toBeTruthy();
    const handler = await staffPage(browser, `handler-${unit?.code}`);
    await handler.page.goto('/w/queue/to_sign');
    await expect.poll(() => handler.page.getByText(TITLE).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(handler.page, 'duty-unit-to-sign');
    await handler.context.close();
  });

  it('shows the roster, the briefs, the schemes with a preview, the sources and the leader’s loop', async () => {
    const duty = await staffPage(browser, 'duty');
    await shoot(duty.page, '/w/duty/roster', 'duty-roster', 'duty-panel');
    await shoot(duty.page, '/w/duty/briefs', 'duty-briefs');
    expect(await duty.page.getByText('转为诉求的帖文及办理情况').count()).toBeGreaterThan(0);
    await duty.context.close();

    const admin = await staffPage(browser, 'admin');
    await admin.page.goto('/w/admin/schemes');
    await admin.page.getByLabel('关键词表达式').fill('(燃气 | 煤气) (泄漏 | 味) -广告');
    await admin.page.getByRole('button', { name: '测试方案' }).click();
    await admin.page.getByTestId('scheme-preview').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await admin.page.getByTestId('scheme-preview').innerText()).toContain(TAG);
    await screenshot(admin.page, 'duty-schemes-preview');
    // A syntax error names the character where it is.
    await admin.page.getByLabel('关键词表达式').fill('(燃气 | 煤气 泄漏');
    await admin.page.getByRole('button', { name: '测试方案' }).click();
    await expect.poll(() => admin.page.getByLabel('第1个字符处有误').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await admin.page.waitForTimeout(500); // the field error fades in
    await screenshot(admin.page, 'duty-schemes-error', false);
    await shoot(admin.page, '/w/admin/sources', 'duty-sources');
    expect(await admin.page.getByText(`e2e-duty-${TAG.toLowerCase()}`).count()).toBeGreaterThan(0);
    await admin.context.close();

    const leader = await staffPage(browser, 'leader');
    await leader.page.goto('/w/leader');
    const loop = leader.page.getByTestId('loop-section');
    await loop.waitFor({ state: 'visible', timeout: 15_000 });
    await expect.poll(() => loop.getByText(TITLE).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await loop.scrollIntoViewIfNeeded();
    await screenshot(leader.page, 'duty-leader-loop');
    await leader.context.close();
  });
});

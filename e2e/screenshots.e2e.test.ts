/**
 * A screenshot of every page, written to test-results/screenshots/<name>.png for people to look at:
 * resident pages on a phone, the echo wall, the login, every workbench queue, the appeal page with
 * its action forms, hotline entry, supervisor, leader and admin pages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeAssignedAppeal, desktopContext, env, launchBrowser, phoneContext, randomPhone, readOtp, screenshot, StaffApi, staffPage } from './support';

const suite = env.skipReason ? describe.skip : describe;

/** Waits until the page stopped loading and no spinner or skeleton is left. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton, .area-loading, .adm-skeleton').count(), { timeout: 15_000 }).toBe(0);
  await page.waitForTimeout(300);
}

/** Opens a page, shoots it, and notes (softly, so every page is still shot) any error state on it. */
async function shoot(page: Page, path: string, name: string): Promise<void> {
  await page.goto(path);
  await settle(page);
  await screenshot(page, name);
  for (const text of ['加载失败', '接口尚未开放']) {
    expect.soft(await page.getByText(text).count(), `${name} (${path}) shows “${text}”`).toBe(0);
  }
}

suite('screenshots of every page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('resident pages on a phone', async () => {
    // An appeal that has been answered, so tracking shows steps, the reply and the rating form.
    const phone = randomPhone('136');
    const appeal = await arrangeAssignedAppeal('sthjj', { title: '小区垃圾站异味', body: '颍东区向阳街道某小区垃圾站长期不清理，夏天异味很重，蚊蝇很多，希望增加清运次数。', phone });
    const handler = await StaffApi.login('handler-sthjj');
    const signed = await handler.ok<{ appeal: { version: number } }>('POST', `/api/appeals/${appeal.id}/actions/sign`, { version: appeal.version });
    await handler.ok('POST', `/api/appeals/${appeal.id}/actions/reply`, { resolution: 'resolved', body: '已协调环卫部门每日清运两次，并对垃圾站进行消杀。', version: signed.appeal.version });

    const context = await phoneContext(browser);
    const page = await context.newPage();
    await shoot(page, '/m/submit', 'resident-submit');
    await page.getByLabel('诉求内容').fill('这里写下遇到的问题，至少五个字。');
    await page.getByRole('button', { name: '下一步：验证手机号' }).click();
    await settle(page);
    await screenshot(page, 'resident-submit-verify');
    await shoot(page, '/m/track', 'resident-track-empty');
    await shoot(page, `/m/track?code=${appeal.trackingCode}&phone=${phone}`, 'resident-track');
    await shoot(page, '/m/mine', 'resident-mine-verify');

    // Verify the phone through the API within this browser context (cookies are shared).
    const since = Date.now();
    expect((await page.request.post('/api/resident/otp', { data: { phone } })).status()).toBe(202);
    const code = await readOtp(phone, since - 1000);
    expect((await page.request.post('/api/resident/session', { data: { phone, code } })).ok()).toBe(true);
    await shoot(page, `/m/track?code=${appeal.trackingCode}&phone=${phone}`, 'resident-track-rate');
    await shoot(page, '/m/mine', 'resident-mine');
    await shoot(page, '/wall', 'echo-wall-phone');
    await context.close();
  });

  it('public pages and the login', async () => {
    const context = await desktopContext(browser);
    const page = await context.newPage();
    await shoot(page, '/', 'echo-wall');
    await shoot(page, '/login', 'login');
    await page.getByLabel('用户名').fill('operator');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
    await screenshot(page, 'login-error');
    await context.close();
  });

  it('the operator’s pages', async () => {
    const { context, page } = await staffPage(browser, 'operator');
    await shoot(page, '/w/queue/to_accept', 'queue-to_accept');
    await shoot(page, '/w/appeals', 'appeals-all');
    await shoot(page, '/w/appeals?status=replied', 'appeals-replied');
    await page.goto('/w/hotline');
    await settle(page);
    // The phone field has focus: type a demo caller's number to show the history.
    await page.keyboard.type('13800001000');
    await settle(page);
    await page.keyboard.press('Tab');
    await page.keyboard.type('张女士');
    await page.keyboard.press('Tab');
    await page.keyboard.type('楼道照明灯损坏');
    await page.keyboard.press('Tab');
    await page.keyboard.type('颍州区某小区5号楼楼道灯坏了一个多月，晚上上下楼很不安全。');
    await settle(page);
    await screenshot(page, 'hotline');
    // Keyboard-first: Ctrl+Enter submits from any field, and the phone field has focus again.
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByText(/已录入：受理编号/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hotline_phone');
    await screenshot(page, 'hotline-submitted');
    await context.close();
  });

  it('the dispatcher’s pages and the appeal page with an action form', async () => {
    const { context, page } = await staffPage(browser, 'dispatcher');
    for (const q of ['to_accept', 'to_assign', 'returned', 'extension_pending', 'overdue']) await shoot(page, `/w/queue/${q}`, `queue-${q}${q === 'to_accept' ? '-dispatcher' : ''}`);
    // An accepted appeal: the dispatcher may assign it.
    const operator = await StaffApi.login('operator');
    const created = await operator.ok<{ id: string; version: number }>('POST', '/api/appeals', {
      title: '路口信号灯故障',
      body: '颍泉区周棚街道某路口信号灯一直黄灯闪烁，早晚高峰拥堵严重，存在安全隐患。',
      phone: randomPhone('135'),
      residentName: '李先生',
      address: '颍泉区周棚街道某路口',
      channel: 'hotline',
      mayPublish: true,
    });
    await operator.ok('POST', `/api/appeals/${created.id}/actions/accept`, { version: created.version });
    await shoot(page, `/w/appeals/${created.id}`, 'appeal-detail');
    await page.getByTestId('action-bar').getByRole('button', { name: '交办', exact: true }).click();
    await settle(page);
    await screenshot(page, 'appeal-detail-assign-form', false);
    await shoot(page, '/w/hot', 'hot-issues');
    await context.close();
  });

  it('the unit’s queues and the reply form', async () => {
    const handler = await staffPage(browser, 'handler-cgj');
    for (const q of ['to_sign', 'in_progress', 'due_soon', 'overdue', 'unsatisfied', 'summoned']) await shoot(handler.page, `/w/queue/${q}`, `queue-${q}`);
    const appeal = await arrangeAssignedAppeal('cgj', { title: '占道经营影响通行', body: '颍州区鼓楼街道某菜市场门口占道经营严重，行人只能走机动车道，请城管处理。' });
    const api = await StaffApi.login('handler-cgj');
    await api.ok('POST', `/api/appeals/${appeal.id}/actions/sign`, { version: appeal.version });
    await shoot(handler.page, `/w/appeals/${appeal.id}`, 'appeal-detail-unit');
    await handler.page.getByTestId('action-bar').getByRole('button', { name: '答复', exact: true }).click();
    await settle(handler.page);
    await screenshot(handler.page, 'appeal-detail-reply-form', false);
    await handler.context.close();

    const head = await staffPage(browser, 'head-cgj');
    await shoot(head.page, '/w/queue/reply_review', 'queue-reply_review');
    await head.context.close();
  });

  it('supervisor, leader and admin pages', async () => {
    const supervisor = await staffPage(browser, 'supervisor');
    await shoot(supervisor.page, '/w/supervise', 'supervise');
    const urge = supervisor.page.getByRole('button', { name: /^催办：/ }).first();
    if ((await urge.count()) > 0) {
      await urge.click();
      await settle(supervisor.page);
      await screenshot(supervisor.page, 'supervise-urge-form', false);
    }
    await supervisor.context.close();

    const leader = await staffPage(browser, 'leader');
    await shoot(leader.page, '/w/leader', 'leader');
    await leader.context.close();

    const admin = await staffPage(browser, 'admin');
    for (const p of ['units', 'users', 'categories', 'calendar', 'templates', 'routing', 'places']) await shoot(admin.page, `/w/admin/${p}`, `admin-${p}`);
    await admin.context.close();
  });
});

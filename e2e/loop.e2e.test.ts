/**
 * The whole closed loop in the UI, as the people do it: a resident on a phone submits with a photo
 * and verifies the phone; the operator accepts; the dispatcher assigns to 生态环境局; the unit signs
 * and replies; the resident rates 不满意; the unit handles it again; the resident rates 满意; the
 * appeal is on the echo wall with personal data masked.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, launchBrowser, makePng, phoneContext, pickUnit, randomPhone, readOtp, screenshot, staffPage } from './support';

const suite = env.skipReason ? describe.skip : describe;
if (env.skipReason) process.stdout.write(`[e2e] loop: skipped — ${env.skipReason}\n`);

const RESIDENT_NAME = '欧阳明远';
const BODY_PHONE = '13812349876';
const HOUSE = '3栋401室';

/** Opens the appeal, runs one action from the action bar, and waits until its status reads `status`. */
async function act(page: Page, appealId: string, action: string, status: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
  await page.goto(`/w/appeals/${appealId}`);
  const bar = page.getByTestId('action-bar');
  await bar.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.isVisible()).toBe(true);
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: `确认${action}` }).click();
  try {
    await expect.poll(() => page.getByTestId('appeal-status').textContent(), { timeout: 15_000 }).toBe(status);
  } catch (e) {
    await screenshot(page, `loop-failed-${action}`);
    throw e;
  }
}

async function rate(page: Page, rating: string, comment: string, expectedStatus: string): Promise<void> {
  await page.reload();
  const form = page.getByRole('group', { name: '请对办理结果评价' });
  await form.getByText(rating, { exact: true }).click();
  await form.getByLabel('评价意见（选填）').fill(comment);
  await form.getByRole('button', { name: '提交评价' }).click();
  await expect.poll(() => page.getByTestId('track-status').textContent(), { timeout: 15_000 }).toBe(expectedStatus);
}

suite('the closed loop in the browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('goes from a resident’s phone to the echo wall', async () => {
    const phone = randomPhone('139');
    const title = `夜间工地施工噪音扰民${phone.slice(-4)}`;
    const body = `我住在颍州区文峰街道幸福里小区${HOUSE}，旁边工地每天晚上十点以后还在施工，噪音很大影响休息。邻居电话${BODY_PHONE}也可以联系。`;

    // 反映: the resident, on a phone, no login until the code.
    const residentContext = await phoneContext(browser);
    const resident = await residentContext.newPage();
    await resident.goto('/m/submit');
    await resident.getByLabel('标题（选填）').fill(title);
    await resident.getByLabel('诉求内容').fill(body);
    await resident.getByLabel('地点（选填）').fill('颍州区文峰街道幸福里小区');
    await resident.getByTestId('photo-album').setInputFiles({ name: 'noise.png', mimeType: 'image/png', buffer: makePng() });
    await expect.poll(() => resident.getByRole('img', { name: '照片1' }).isVisible()).toBe(true);
    await resident.getByLabel('您的称呼（选填）').fill(RESIDENT_NAME);
    await resident.getByRole('button', { name: '下一步：验证手机号' }).click();

    const sentAt = Date.now();
    await resident.getByLabel('手机号').fill(phone);
    await resident.getByRole('button', { name: '获取验证码' }).click();
    const code = await readOtp(phone, sentAt - 1000);
    await resident.getByLabel('验证码').fill(code);
    await resident.getByRole('button', { name: '验证并提交' }).click();
    const trackingCode = (await resident.getByTestId('tracking-code').textContent({ timeout: 20_000 }))?.trim() ?? '';
    expect(trackingCode).toMatch(/^[0-9A-Z]{8,20}$/);

    // 受理: the operator looks the tracking code up and accepts the appeal.
    const operator = await staffPage(browser, 'operator');
    await operator.page.goto(`/w/appeals?q=${trackingCode}`);
    await operator.page.getByRole('link', { name: trackingCode }).click();
    await operator.page.waitForURL(/\/w\/appeals\/[0-9a-f-]{36}$/);
    const appealId = operator.page.url().split('/').pop() ?? '';
    // The photo is shown to staff through the attachment endpoint.
    await expect.poll(() => operator.page.locator('img[src^="/api/attachments/"]').count()).toBeGreaterThan(0);
    await act(operator.page, appealId, '受理', '待交办');

    // 交办: the dispatcher assigns it to 生态环境局.
    const dispatcher = await staffPage(browser, 'dispatcher');
    await act(dispatcher.page, appealId, '交办', '待签收', (d) => pickUnit(d, '主办单位', '生态环境局'));

    // 签收 and 答复 by the unit (生态环境局 publishes replies without review).
    const handler = await staffPage(browser, 'handler-sthjj');
    await act(handler.page, appealId, '签收', '办理中');
    await act(handler.page, appealId, '答复', '已答复待评价', (d) => d.getByLabel('答复内容').fill('已到现场核查，责令施工单位夜间22时后停止高噪声作业，并安排夜间巡查。'));

    // 评价 不满意 on the phone: back to the unit.
    await resident.goto(`/m/track?code=${trackingCode}&phone=${phone}`);
    await rate(resident, '不满意', '晚上还是有施工声音', '不满意重办');

    // The unit handles it again.
    await act(handler.page, appealId, '签收', '办理中');
    await act(handler.page, appealId, '答复', '已答复待评价', (d) => d.getByLabel('答复内容').fill('已对该工地立案处罚，安装噪声在线监测设备，夜间施工已全部停止。'));

    // 评价 满意: closed.
    await rate(resident, '满意', '现在安静了，谢谢', '已办结');

    // 回音壁: published with the resident's data masked.
    const publicContext = await browser.newContext({ baseURL: env.baseUrl, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const wall = await publicContext.newPage();
    await wall.goto(`/wall?q=${encodeURIComponent(title)}`);
    const item = wall.getByTestId('wall-item').filter({ hasText: title });
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const text = (await item.first().innerText()) ?? '';
    expect(text).toContain('已对该工地立案处罚');
    expect(text).not.toContain(BODY_PHONE);
    expect(text).not.toContain(HOUSE);
    expect(text).not.toContain(RESIDENT_NAME);
    expect(text).not.toContain(phone);
    expect(text).toContain('138****9876');
    await screenshot(wall, 'loop-echo-wall-item');

    for (const c of [residentContext, operator.context, dispatcher.context, handler.context, publicContext]) await c.close();
  });
});

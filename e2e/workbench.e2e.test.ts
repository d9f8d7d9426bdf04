/**
 * The workbench's promises beyond the happy path: a server field error appears next to its field,
 * a stale page reloads on 409 VERSION_CONFLICT, the supervisor's one-click urge shows the server's
 * answer, and bulk assignment from 待交办.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeAcceptedAppeal, env, launchBrowser, pickUnit, screenshot, StaffApi, staffPage } from './support';

const suite = env.skipReason ? describe.skip : describe;

suite('the workbench', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a server validation error next to the field it names', async () => {
    const appeal = await arrangeAcceptedAppeal({ title: '噪声扰民', body: '某KTV每晚营业到凌晨两点，音乐声很大，周边居民无法入睡。' });
    const { context, page } = await staffPage(browser, 'dispatcher');
    await page.goto(`/w/appeals/${appeal.id}`);
    await page.getByTestId('action-bar').getByRole('button', { name: '交办', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await pickUnit(dialog, '主办单位', '生态环境局');
    await pickUnit(dialog, '协办单位（选填）', '生态环境局');
    await dialog.getByRole('button', { name: '确认交办' }).click();
    // The server refuses (lead = co-unit) and names body.coUnitIds; the message sits under that field.
    const coField = dialog.locator('.ant-form-item', { has: page.getByText('协办单位（选填）', { exact: true }) });
    await expect.poll(() => coField.locator('.ant-form-item-explain-error').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(500); // the message fades in
    expect(await coField.locator('.ant-form-item-explain-error').innerText()).not.toBe('');
    await screenshot(page, 'appeal-detail-field-error', false);
    expect(await page.getByTestId('appeal-status').textContent()).toBe('待交办');
    await context.close();
  });

  it('reloads a stale appeal on 409 VERSION_CONFLICT', async () => {
    const appeal = await arrangeAcceptedAppeal({ title: '井盖缺失', body: '人民路与清河路交叉口井盖缺失，已有行人险些掉入，非常危险。' });
    const { context, page } = await staffPage(browser, 'dispatcher');
    await page.goto(`/w/appeals/${appeal.id}`);
    await page.getByTestId('action-bar').getByRole('button', { name: '不予受理', exact: true }).click();
    // Meanwhile another dispatcher assigns it.
    const other = await StaffApi.login('dispatcher');
    const units = await other.ok<{ id: string; code: string }[]>('GET', '/api/units');
    await other.ok('POST', `/api/appeals/${appeal.id}/actions/assign`, { leadUnitId: units.find((u) => u.code === 'zjj')?.id, version: appeal.version });
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('不予受理理由').fill('重复反映');
    await dialog.getByRole('button', { name: '确认不予受理' }).click();
    await expect.poll(() => page.getByText('该诉求刚刚被其他人更新').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('appeal-status').textContent(), { timeout: 10_000 }).toBe('待签收');
    expect(await page.getByTestId('action-bar').getByRole('button', { name: '不予受理', exact: true }).count()).toBe(0);
    await context.close();
  });

  it('lets the supervisor urge from the overdue list and shows the answer', async () => {
    const { context, page } = await staffPage(browser, 'supervisor');
    await page.goto('/w/supervise');
    const urge = page.getByRole('button', { name: /^催办：/ }).first();
    await urge.waitFor({ state: 'visible', timeout: 15_000 });
    await urge.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('催办内容').fill('该诉求已超期，请于今日内答复群众。');
    await dialog.getByRole('button', { name: '确认催办' }).click();
    await expect.poll(() => dialog.getByText('催办成功').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(page, 'supervise-urged', false);
    await context.close();
  });

  it('assigns several appeals at once from 待交办', async () => {
    const a = await arrangeAcceptedAppeal({ title: '批量交办一', body: '路灯不亮已经一周，晚上出行很不方便。' });
    const b = await arrangeAcceptedAppeal({ title: '批量交办二', body: '同一路段另一处路灯也不亮，请一并处理。' });
    const { context, page } = await staffPage(browser, 'dispatcher');
    await page.goto('/w/queue/to_assign?q=批量交办');
    for (const x of [a, b]) await page.getByRole('row', { name: new RegExp(x.trackingCode) }).getByRole('checkbox').check({ timeout: 15_000 });
    await page.getByRole('button', { name: '批量交办' }).click();
    const dialog = page.getByRole('dialog');
    await pickUnit(dialog, '主办单位', '供电公司');
    await dialog.getByRole('button', { name: '交办', exact: true }).click();
    await expect.poll(() => page.getByText('已交办 2 件').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const api = await StaffApi.login('dispatcher');
    for (const x of [a, b]) expect((await api.ok<{ status: string }>('GET', `/api/appeals/${x.id}`)).status).toBe('assigned');
    await context.close();
  });
});

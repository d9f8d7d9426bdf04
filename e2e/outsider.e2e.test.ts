/**
 * Someone of another unit (教育局) cannot open an appeal assigned to 生态环境局, nor act on it: the page
 * shows a not-found state with no action buttons, a forged action gets 404, and nothing changed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrangeAssignedAppeal, env, launchBrowser, screenshot, StaffApi, staffPage } from './support';

const suite = env.skipReason ? describe.skip : describe;

suite('another unit’s appeal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is not found for handler-jyj, who has no actions on it', async () => {
    const appeal = await arrangeAssignedAppeal('sthjj', { title: '河道排污异味明显', body: '泉河某排口每天傍晚排放黑色污水，气味刺鼻，请环保部门查处。' });
    const { context, page } = await staffPage(browser, 'handler-jyj');

    await page.goto(`/w/appeals/${appeal.id}`);
    await expect.poll(() => page.getByText('未找到').first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByText('这件诉求不存在，或不在您的办理范围内。').isVisible()).toBe(true);
    expect(await page.getByTestId('action-bar').count()).toBe(0);
    for (const name of ['签收', '退单', '答复', '受理', '交办']) expect(await page.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(appeal.title);
    await screenshot(page, 'outsider-not-found');

    // Not in their lists either.
    await page.goto(`/w/appeals?q=${appeal.trackingCode}`);
    await expect.poll(() => page.locator('.ant-table-placeholder').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('link', { name: appeal.trackingCode }).count()).toBe(0);

    // A forged action from their session is refused as not found, and the appeal is unchanged.
    const forged = await page.evaluate(async ({ id, version }) => {
      const res = await fetch(`/api/appeals/${id}/actions/sign`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version }) });
      return res.status;
    }, appeal);
    expect(forged).toBe(404);
    const dispatcher = await StaffApi.login('dispatcher');
    const after = await dispatcher.ok<{ status: string; version: number }>('GET', `/api/appeals/${appeal.id}`);
    expect(after.status).toBe('assigned');
    expect(after.version).toBe(appeal.version);
    await context.close();
  });
});

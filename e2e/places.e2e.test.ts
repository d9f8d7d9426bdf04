/**
 * An administrator loads the city's place list (地名库) from a CSV file in the browser; a file with a
 * bad line is refused naming the line, and nothing of it is loaded; the place then decides where a
 * new appeal happened.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, launchBrowser, screenshot, StaffApi, staffPage } from './support';

const suite = env.skipReason ? describe.skip : describe;

suite('the place list', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is loaded from a CSV file by an administrator and used for the next appeal', async () => {
    const tag = String(Date.now() % 100000);
    const estate = `金色${tag}家园`;
    const { context, page } = await staffPage(browser, 'admin');
    await page.goto('/w/admin/places');
    const input = page.locator('input[type="file"]');

    await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`名称,类型,区域\n${estate},小区,清河街道\n河边${tag},河流,清河街道\n`) });
    const error = page.getByRole('alert').filter({ hasText: 'bad.csv' });
    await expect.poll(() => error.textContent(), { timeout: 15_000 }).toContain('第3行');
    expect(await error.textContent()).toContain('整个文件未导入');

    await input.setInputFiles({ name: 'places.csv', mimeType: 'text/csv', buffer: Buffer.from(`名称,类型,区域\n${estate},小区,颍州区/清河街道\n`) });
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已读入1条' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByLabel('搜索地名').fill(tag);
    await page.getByLabel('搜索地名').press('Enter');
    await expect.poll(() => page.getByRole('row').filter({ hasText: estate }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: estate }).textContent()).toContain('清河街道');
    await screenshot(page, 'admin-places-imported');
    await context.close();

    // The next appeal that names only the estate is placed in 清河街道.
    const dispatcher = await StaffApi.login('dispatcher');
    const s = await dispatcher.ok<{ place: { regionCode: string } }>('POST', '/api/dispatch/suggest', { title: '小区门口路灯不亮', text: `${estate}门口的路灯坏了一个月没人修` });
    expect(s.place.regionCode).toBe('341202003');
  });
});

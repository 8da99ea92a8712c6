// Managers' dashboard: a manager opens the dashboard, filters by one community, opens the heat map of the
// grid-event process and clicks through to the instances waiting at an activity, narrows 业务汇总 to the community;
// a community head sees only their community. Every figure on screen is checked against the API answer for the same filter.
import { resolve } from 'node:path';
import { BASE_URL, OUT, TIMEOUT, currentPage as page, expectThat, getJson, login, step } from '../lib.mjs';

const COMMUNITY = { id: 'C01', name: '华中社区' };

/** Waits (up to TIMEOUT) until the element's text is exactly the expected value; returns what it shows then. */
async function textWhenEqual(locator, expected) {
  await locator.waitFor({ timeout: TIMEOUT });
  const deadline = Date.now() + TIMEOUT;
  let shown = (await locator.textContent())?.trim();
  while (shown !== String(expected) && Date.now() < deadline) {
    await page().waitForTimeout(200);
    shown = (await locator.textContent())?.trim();
  }
  return shown;
}

async function expectFigure(id, expected, what) {
  const shown = await textWhenEqual(page().getByTestId(`figure-${id}`).locator('.ant-statistic-content-value'), expected);
  expectThat(shown === String(expected), `${what}: the card "${id}" shows ${shown}, the API says ${expected}`);
}

/** Picks the community in the select with this test id; returns the answer to the request the page then makes. */
async function pickCommunity(selectTestId, apiPath) {
  const [response] = await Promise.all([
    page().waitForResponse((r) => r.url().includes(apiPath) && r.url().includes(`communityId=${COMMUNITY.id}`),
      { timeout: TIMEOUT }),
    (async () => {
      await page().getByTestId(selectTestId).click();
      await page().locator(`.ant-select-item-option[title="${COMMUNITY.name}"]`).click();
    })(),
  ]);
  return response;
}

export default async function dashboard() {
  await step('log in as manager and open 数据看板', async () => {
    await login('manager', 'demo');
    await page().getByRole('menuitem', { name: '数据看板' }).click();
    await page().waitForURL('**/dashboard');
    const city = await getJson('/api/metrics/overview');
    await expectFigure('total', city.total, 'the city overview');
    await expectFigure('open', city.open, 'the city overview');
    await expectFigure('overdue', city.overdue, 'the city overview');
    console.log(`  city: ${city.total} events, ${city.open} open, ${city.closed} closed`);
  });

  await step(`filter by one community (${COMMUNITY.name}) and open the events a figure counts`, async () => {
    const response = await pickCommunity('filter-community', '/api/metrics/overview');
    expectThat(response.ok(), `the filtered overview answered ${response.status()}`);
    const filtered = await response.json();
    const api = await getJson(`/api/metrics/overview?communityId=${COMMUNITY.id}`);
    expectThat(filtered.total === api.total, `the page asked for ${filtered.total} events, the API says ${api.total}`);
    await expectFigure('total', api.total, `the overview of ${COMMUNITY.name}`);
    await expectFigure('open', api.open, `the overview of ${COMMUNITY.name}`);
    expectThat(api.open > 0, `the demo data should leave open events in ${COMMUNITY.name}`);

    await page().getByTestId('figure-open').click();
    const drawer = page().getByTestId('figure-events');
    await drawer.getByText('在办事件').waitFor({ timeout: TIMEOUT });
    const rows = drawer.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor({ timeout: TIMEOUT });
    const list = await getJson(`/api/metrics/events?figure=open&communityId=${COMMUNITY.id}&size=10`);
    expectThat((await rows.count()) === list.items.length,
      `the drawer lists ${await rows.count()} events, the API ${list.items.length}`);
    for (const item of list.items) {
      await drawer.getByText(item.businessKey, { exact: true }).waitFor({ timeout: TIMEOUT });
    }
    await page().screenshot({ path: resolve(OUT, 'dashboard-overview.png'), fullPage: true });
    await page().keyboard.press('Escape');
  });

  let waitingAt;
  await step('open the heat map of grid-event', async () => {
    await page().getByTestId('tab-heatmap').click();
    await page().locator('[data-testid="bpmn-heatmap"][data-state="ready"]').waitFor({ timeout: TIMEOUT });
    const heat = await getJson('/api/metrics/heatmap?processKey=grid-event');
    waitingAt = heat.activities.filter((a) => a.waiting > 0 && a.type === 'userTask')
      .sort((a, b) => b.waiting - a.waiting)[0];
    expectThat(waitingAt, 'no user task of grid-event has waiting instances in the demo data');
    const badge = page().getByTestId(`heat-${waitingAt.activityId}`);
    await badge.waitFor({ timeout: TIMEOUT });
    const text = (await badge.textContent()) ?? '';
    expectThat(text.startsWith(`${waitingAt.count} · 等待 ${waitingAt.waiting}`),
      `the badge on ${waitingAt.activityId} reads "${text}", the API says ${waitingAt.count} passed, ${waitingAt.waiting} waiting`);
    await page().screenshot({ path: resolve(OUT, 'dashboard-heatmap.png'), fullPage: true });
  });

  await step('click through to the instances waiting there', async () => {
    await page().getByTestId(`heat-${waitingAt.activityId}`).click();
    const card = page().getByTestId('waiting-instances');
    await card.getByText(`在「${waitingAt.name}」等待的实例`).waitFor({ timeout: TIMEOUT });
    const api = await getJson(`/api/metrics/heatmap/waiting?processKey=grid-event&activityId=${waitingAt.activityId}&size=10`);
    expectThat(api.total === waitingAt.waiting, `the waiting list has ${api.total} instances, the badge ${waitingAt.waiting}`);
    for (const item of api.items) {
      await card.getByText(item.businessKey, { exact: true }).waitFor({ timeout: TIMEOUT });
    }
    console.log(`  ${api.total} instance(s) waiting at ${waitingAt.name}`);
  });

  await step(`业务汇总 by one community (${COMMUNITY.name}): the owners'-committee counts are that community's`, async () => {
    await page().goto(`${BASE_URL}/dashboard?tab=summaries`);
    await page().getByTestId('summary-hoa').waitFor({ timeout: TIMEOUT });
    const response = await pickCommunity('summary-filter-community', '/api/metrics/hoa');
    expectThat(response.ok(), `the filtered summary answered ${response.status()}`);
    const api = await getJson(`/api/metrics/hoa?communityId=${COMMUNITY.id}`);
    // 40-hoa, run before this scenario, leaves decisions in EST01 of C01
    expectThat(api.total > 0, `the owners'-committee scenario should leave a decision in ${COMMUNITY.name}`);
    for (const row of api.stages) {
      const shown = await textWhenEqual(page().getByTestId(`hoa-${row.stage}-total`), row.total);
      expectThat(shown === String(row.total),
        `stage ${row.stage}: the page shows ${shown}, the API for ${COMMUNITY.id} says ${row.total}`);
    }
    console.log(`  ${api.total} owners'-committee matter(s) in ${COMMUNITY.name}`);
  });

  await step('a community head (chead01) sees only their community', async () => {
    await login('chead01', 'demo');
    await page().goto(`${BASE_URL}/dashboard`);
    const mine = await getJson('/api/metrics/overview');
    const c01 = await getJson(`/api/metrics/overview?communityId=${COMMUNITY.id}`);
    expectThat(mine.total === c01.total, `chead01 sees ${mine.total} events, C01 has ${c01.total}`);
    await expectFigure('total', mine.total, 'the community head\'s overview');
    const other = await page().request.get(`${BASE_URL}/api/metrics/overview?communityId=C02`,
      { headers: { Accept: 'application/json' } });
    expectThat(other.status() === 403, `chead01 asking for C02 got ${other.status()}, expected 403`);
  });
}

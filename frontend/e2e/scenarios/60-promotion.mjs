// 专职网格员选聘 (domain-spec §4): HR opens a round and publishes the call, a grid worker applies, HR closes the
// application window, the community head recommends, the panel scores, and the board shows the shortlist.
import { resolve } from 'node:path';
import {
  BASE_URL,
  OUT,
  TIMEOUT,
  StepError,
  clickAndExpectCall,
  completeWith,
  currentPage as page,
  expectThat,
  getJson,
  login,
  step,
  waitForFormReady,
} from '../lib.mjs';

const APPLICANT = 'grid0101';

/** The id of the open task of that name in the round (or the applicant's screening), read from the task API. */
async function taskOf(processKey, name, businessKey) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const list = await getJson(`/api/tasks?filter=all&size=200&processKey=${processKey}`);
    const task = list.items.find((t) => t.name === name && t.businessKey === businessKey);
    if (task) return task.id;
    await page().waitForTimeout(1_000);
  }
  throw new StepError(`no task "${name}" for ${businessKey} within 30 s`);
}

/** Opens the task page like a user coming from the list, claims it, and waits for its form. */
async function openTask(id, name) {
  await page().goto(`${BASE_URL}/tasks/${id}`);
  await page().getByTestId('task-detail-page').waitFor({ timeout: TIMEOUT });
  const claim = page().getByTestId('task-claim');
  if (await claim.isVisible()) {
    await clickAndExpectCall(claim, 'POST', `/api/tasks/${id}/claim`, `claiming ${name}`);
  }
  await page().getByTestId('task-unclaim').waitFor({ timeout: TIMEOUT });
  await waitForFormReady(true);
}

async function openBoard(roundKey) {
  await page().goto(`${BASE_URL}/promotion/rounds/${encodeURIComponent(roundKey)}`);
  await page().getByTestId('round-stage').waitFor({ timeout: TIMEOUT });
}

export default async function promotion() {
  let roundKey;
  await step('HR opens a round for a year and the community-worker pool', async () => {
    await login('hr01');
    const rounds = await getJson('/api/promotion/rounds?size=200');
    const used = new Set(rounds.items.filter((r) => r.postPool === 'CSW_FROM_GRID').map((r) => r.year));
    let year = new Date().getFullYear();
    while (used.has(year)) year += 1;
    await page().getByRole('menuitem', { name: '选聘' }).click();
    await page().getByTestId('open-round').click();
    await page().getByLabel('年度', { exact: true }).fill(String(year));
    await page().getByLabel('社区专职工作者空缺岗位数').fill('3');
    const response = await clickAndExpectCall(
      page().getByRole('button', { name: /确\s*定/ }),
      'POST',
      '/api/promotion/rounds',
      'opening the round',
    );
    roundKey = (await response.json()).roundKey;
    await page().waitForURL(`**/promotion/rounds/${roundKey}`);
    const quota = (await page().getByTestId('round-quota').textContent())?.trim();
    expectThat(quota === '1', `quota shows ${quota}, expected ⌈3 × 0.3⌉ = 1`);
    console.log(`  opened ${roundKey}`);
  });

  await step('HR publishes the call (发布选聘公告)', async () => {
    const id = await taskOf('promotion-round', '发布选聘公告', roundKey);
    await openTask(id, '发布选聘公告');
    await completeWith(id, { callNotice: `${roundKey} 专职网格员选聘社区专职工作者公告` });
    await openBoard(roundKey);
    await page().getByTestId('round-stage').filter({ hasText: '报名中' }).waitFor({ timeout: TIMEOUT });
  });

  await step(`${APPLICANT} applies while the window is open; a second application is refused`, async () => {
    await login(APPLICANT);
    await page().getByRole('menuitem', { name: '选聘' }).click();
    const apply = page().getByTestId(`apply-${roundKey}`);
    await clickAndExpectCall(apply, 'POST', `/api/promotion/rounds/${roundKey}/applications`, 'applying');
    await page().getByText('报名成功').waitFor({ timeout: TIMEOUT });
    await apply.click();
    await page().getByText('不能重复报名').waitFor({ timeout: TIMEOUT });
    await page().getByTestId('my-applications-link').click();
    await page().getByTestId(`my-${roundKey}`).getByText('已报名').waitFor({ timeout: TIMEOUT });
  });

  await step('HR closes the application window; screening begins', async () => {
    await login('hr01');
    await openBoard(roundKey);
    await clickAndExpectCall(
      page().getByTestId('close-applications'),
      'POST',
      `/api/promotion/rounds/${roundKey}/close-applications`,
      'closing applications',
    );
    await page().getByTestId('round-stage').filter({ hasText: '审查与考评' }).waitFor({ timeout: TIMEOUT });
  });

  await step('the community head recommends the applicant (社区推荐)', async () => {
    await login('chead01');
    const id = await taskOf('candidate-screening', '社区推荐', `${roundKey}-${APPLICANT}`);
    await openTask(id, '社区推荐');
    await completeWith(id, { recommended: true, recommendationNote: '工作扎实，群众认可' });
  });

  await step('the panel enters the written test and interview scores', async () => {
    await login('panel01');
    const written = await taskOf('candidate-screening', '笔试成绩录入', `${roundKey}-${APPLICANT}`);
    await openTask(written, '笔试成绩录入');
    await completeWith(written, { writtenScore: 88 });
    const interview = await taskOf('candidate-screening', '面试成绩录入', `${roundKey}-${APPLICANT}`);
    await openTask(interview, '面试成绩录入');
    await completeWith(interview, { interviewScore: 90 }, 'promotion-interview.png');
  });

  await step('the board publishes the shortlist with the rank and total', async () => {
    await login('hr01');
    const deadline = Date.now() + 60_000;
    for (;;) {
      await openBoard(roundKey);
      const shortlist = (await page().getByTestId('shortlist').textContent()) ?? '';
      if (shortlist.includes(APPLICANT)) break;
      expectThat(Date.now() < deadline, `the shortlist still reads "${shortlist}" 60 s after the last score`);
      await page().waitForTimeout(2_000);
    }
    const row = page().getByTestId('applicants').locator('tr', { hasText: APPLICANT });
    await row.getByTestId('status-SHORTLISTED').waitFor({ timeout: TIMEOUT });
    // the performance score and where it came from (incident archive of last year, or the HR record)
    const source = ((await row.getByTestId(`perf-source-${APPLICANT}`).textContent()) ?? '').trim();
    expectThat(['事件归档', '人事档案'].includes(source), `the applicant's performance source reads "${source}"`);
    const performance = Number.parseFloat((await row.getByTestId(`perf-${APPLICANT}`).textContent()) ?? '');
    const total = (0.4 * 88 + 0.3 * 90 + 0.3 * performance).toFixed(2);
    const text = (await row.textContent()) ?? '';
    expectThat(text.includes(total), `the applicant's row shows no total ${total} (0.4·88 + 0.3·90 + 0.3·${performance}): ${text}`);
    await page().getByTestId('round-stage').filter({ hasText: '考察公示与任用' }).waitFor({ timeout: TIMEOUT });
    await page().getByTestId('promotion-timeline').waitFor({ timeout: TIMEOUT });
    await page().screenshot({ path: resolve(OUT, 'promotion-board.png'), fullPage: true });
  });

  await step('HR sees each grid worker\'s performance with its source, and the commendations', async () => {
    // still signed in as hr01 from the board step: no second login
    await page().goto(`${BASE_URL}/promotion/hr-records`);
    const source = page().getByTestId(`perf-source-${APPLICANT}`);
    await source.waitFor({ timeout: TIMEOUT });
    const text = ((await source.textContent()) ?? '').trim();
    expectThat(['事件归档', '人事档案'].includes(text), `HR records show the performance source "${text}"`);
    await page().goto(`${BASE_URL}/promotion`);
    await page().getByTestId('commendations-link').click();
    await page().getByTestId('commendations').waitFor({ timeout: TIMEOUT });
  });

  await step(`${APPLICANT} sees the shortlisting in "my applications"`, async () => {
    await login(APPLICANT);
    await page().goto(`${BASE_URL}/promotion/mine`);
    const card = page().getByTestId(`my-${roundKey}`);
    await card.getByTestId('status-SHORTLISTED').waitFor({ timeout: TIMEOUT });
    await card.getByTestId('promotion-timeline').waitFor({ timeout: TIMEOUT });
    await page().screenshot({ path: resolve(OUT, 'promotion-mine.png'), fullPage: true });
  });

}

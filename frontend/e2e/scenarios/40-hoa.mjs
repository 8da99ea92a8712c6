// 三审两公开一备案 in the browser: the committee chair submits a proposal and records the committee's deliberation,
// the party organisation approves, the committee imports the paper ballots, the resolution is published to the
// owners and the community files it. The three timers (committee meeting date, notice period, close of voting) are
// run through engine-rest as the job executor would run them when due: the test cannot wait 7 or 15 days.
import { resolve } from 'node:path';
import {
  BASE_URL,
  OUT,
  TIMEOUT,
  UNIQUE,
  clickAndExpectCall,
  completeWith,
  currentPage as page,
  expectText,
  expectThat,
  fillForm,
  getJson,
  login,
  openAndClaim,
  step,
  submitButton,
  waitForFormReady,
} from '../lib.mjs';

const PROCESS_KEY = 'hoa-major-decision';
const TITLE = `3幢电梯更新改造 ${UNIQUE}`;
const ADMIN = 'Basic ' + Buffer.from(`${process.env.E2E_ADMIN || 'admin'}:${process.env.E2E_ADMIN_PASSWORD || 'admin'}`).toString('base64');

/** Runs the process's due timer at `activityId` now, through engine-rest as an administrator. */
async function runTimer(processInstanceId, activityId) {
  const headers = { Authorization: ADMIN, Accept: 'application/json' };
  const jobs = await page().request.get(`${BASE_URL}/engine-rest/job?processInstanceId=${processInstanceId}&activityId=${activityId}&firstResult=0&maxResults=10`, { headers });
  expectThat(jobs.ok(), `listing jobs answered ${jobs.status()}: ${await jobs.text()}`);
  const [job] = await jobs.json();
  expectThat(job, `no timer at ${activityId}`);
  const run = await page().request.post(`${BASE_URL}/engine-rest/job/${job.id}/execute`, { headers });
  expectThat(run.status() === 204, `executing the ${activityId} timer answered ${run.status()}: ${await run.text()}`);
}

/** Completes a task through the app's API, as its form would (form-js' date picker is not driven by this test). */
async function completeByApi(taskId, variables) {
  const status = await page().evaluate(async ([id, vars]) => {
    // as the app does: ask for the token, echo the XSRF-TOKEN cookie it sets (the body's token as a fallback)
    const csrf = await (await fetch('/api/auth/csrf', { headers: { Accept: 'application/json' } })).json();
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    const token = cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : csrf.token;
    const reply = await fetch(`/api/tasks/${id}/complete`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [csrf.headerName]: token },
      body: JSON.stringify({ variables: vars }),
    });
    return reply.status;
  }, [taskId, variables]);
  expectThat(status === 204, `completing task ${taskId} answered ${status}`);
}

/** Local date and time in the city's zone (UTC+8), n days from now, as the form's date picker sends it. */
function beijingLocal(days) {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
}

async function openDecision(matterId) {
  await page().goto(`${BASE_URL}/hoa/${matterId}`);
  await page().getByTestId('hoa-facts').waitFor({ timeout: TIMEOUT });
}

export default async function hoaMajorDecision() {
  await step('the chair submits a proposal through the start form', async () => {
    await login('hoachair01');
    await page().getByRole('menuitem', { name: '发起' }).click();
    await page().getByTestId(`start-card-${PROCESS_KEY}`).click();
    await page().waitForURL(`**/start/${PROCESS_KEY}`);
    await waitForFormReady(true);
    const payload = await getJson(`/api/processes/${PROCESS_KEY}/start-form`);
    await fillForm(payload, {
      title: TITLE,
      matterType: 'USE_MAINTENANCE_FUND',
      proposalText: '3幢两部电梯使用超过15年，拟使用专项维修资金整体更换。',
      budgetFen: 5_000_000,
      fundSource: 'MAINTENANCE_FUND',
      assemblyMode: 'GENERAL',
    });
    await clickAndExpectCall(await submitButton('start-submit'), 'POST', `/api/processes/${PROCESS_KEY}/start`, 'submitting the proposal');
    await page().getByTestId('start-success').waitFor();
  });

  await step('the chair announces the committee meeting 8 days ahead; the notice is published, 审1 opens on that date', async () => {
    const id = await openAndClaim({ name: '发布业委会会议通知' }, 'all');
    await completeByApi(id, { committeeMeetingAt: beijingLocal(8), meetingPlace: '物业活动室' });
    const listed = await getJson('/api/hoa/matters?size=100');
    const mine = listed.items.find((m) => m.title === TITLE);
    expectThat(mine, 'the decision is not listed');
    const detail = await getJson(`/api/hoa/matters/${mine.id}`);
    expectThat(detail.publications.some((p) => p.kind === 'MEETING_NOTICE'), 'the meeting notice was not published');
    await runTimer(detail.matter.processInstanceId, 'waitCommitteeMeeting');
  });

  await step('审1: the chair records the committee meeting (5 of 7 present, 4 in favour)', async () => {
    const id = await openAndClaim({ name: '审1：业委会审议' }, 'all');
    // The text first: form-js applies number inputs debounced, and a later text fill can be lost to that re-render.
    await completeWith(id, { committeeMinutes: `第12次业委会会议 ${UNIQUE}`, membersPresent: 5, membersFor: 4 });
  });

  await step('审2: the party organisation approves', async () => {
    await login('party01');
    const id = await openAndClaim({ name: '审2：党组织审核' }, 'all');
    await completeWith(id, { partyDecision: 'APPROVE', partyOpinion: '同意提交业主大会表决' }, 'hoa-party-review.png');
  });

  let matter;
  await step('the decision is listed; its page shows the diagram, the timeline and the published proposal', async () => {
    await login('hoachair01');
    await page().getByRole('menuitem', { name: '业委会' }).click();
    const row = page().getByTestId('hoa-matters').locator('tr', { hasText: UNIQUE });
    await row.waitFor({ timeout: TIMEOUT });
    await row.click();
    await page().getByTestId('hoa-facts').waitFor({ timeout: TIMEOUT });
    const matterId = page().url().split('/hoa/')[1];
    matter = await getJson(`/api/hoa/matters/${matterId}`);
    expectThat(matter.activeActivityIds.includes('waitVoteOpen'), `expected to wait for voting, at ${matter.activeActivityIds}`);
    expectThat(matter.publications.some((p) => p.kind === 'PROPOSAL'), 'the proposal was not published');
    await page().locator('.djs-container').waitFor({ timeout: TIMEOUT });
    await expectText(page().getByTestId('hoa-timeline'), '审2：党组织审核', 'the timeline lists the party review');
  });

  await step('voting opens; the committee imports the paper ballots (a spoiled batch is refused whole)', async () => {
    await runTimer(matter.matter.processInstanceId, 'waitVoteOpen');
    await openDecision(matter.matter.id);
    await page().getByRole('tab', { name: '表决' }).click();
    await page().getByTestId('hoa-import-text').fill('EST01-1-101, 同意\nEST01-1-102, 反对, -89.50');
    await page().getByTestId('hoa-import-submit').click();
    await expectText(page().getByTestId('hoa-import-error'), '面积必须大于零', 'the refused batch names the bad ballot');
    const lines = [];
    for (let i = 1; i <= 24; i++) {
      lines.push(`EST01-${i <= 15 ? 1 : 2}-${100 + i}, ${i <= 18 ? '同意' : '反对'}`);
    }
    lines.push('EST01-3-301, 弃权');
    await page().getByTestId('hoa-import-text').fill(lines.join('\n'));
    await clickAndExpectCall(page().getByTestId('hoa-import-submit'), 'POST', '/ballots/import', 'importing ballots');
    await expectText(page().getByTestId('hoa-import-done'), '25', 'the import reports 25 ballots');
    await page().screenshot({ path: resolve(OUT, 'hoa-ballots.png'), fullPage: true });
  });

  await step('voting closes: 25 of 31 owners took part, 18 said yes, the resolution is published', async () => {
    await runTimer(matter.matter.processInstanceId, 'voteClosed');
    await openDecision(matter.matter.id);
    const detail = await getJson(`/api/hoa/matters/${matter.matter.id}`);
    const round = detail.rounds[0];
    expectThat(round.participatingCount === 25 && round.totalOwnerCount === 31 && round.yesCount === 18,
      `tally ${round.participatingCount}/${round.totalOwnerCount}, yes ${round.yesCount}`);
    expectThat(round.quorumMet && round.passed, 'the vote should pass');
    await expectText(page().getByTestId('hoa-resolution-no'), 'JY-', 'the page shows the resolution number');
    await page().getByRole('tab', { name: '表决' }).click();
    await expectText(page().getByTestId('hoa-rounds'), '通过', 'the rounds table shows the result');
    await page().screenshot({ path: resolve(OUT, 'hoa-decision.png'), fullPage: true });
  });

  await step('一备案: the community filing officer accepts the resolution', async () => {
    await login('filing01');
    const id = await openAndClaim({ name: '一备案：决议备案' }, 'all');
    await completeWith(id, { filingOutcome: 'ACCEPTED', filingNote: '材料齐全' });
  });

  await step('an owner of the estate sees the resolution notice and the filing', async () => {
    await login('owner05');
    await page().getByRole('menuitem', { name: '业委会' }).click();
    await page().getByRole('tab', { name: '公示公告' }).click();
    const notice = page().getByTestId('hoa-publications').locator('.ant-card', { hasText: UNIQUE }).filter({ hasText: '业主大会决议公告' });
    await notice.first().waitFor({ timeout: TIMEOUT });
    await openDecision(matter.matter.id);
    await page().getByRole('tab', { name: /备案/ }).click();
    await expectText(page().getByTestId('hoa-filings'), '准予备案', 'the filing is shown to the owner');
    await page().screenshot({ path: resolve(OUT, 'hoa-owner.png'), fullPage: true });
  });
}

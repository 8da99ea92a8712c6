// The grid-event department path (issue 3): a grid worker reports an incident with a photo through the start
// form and triages it as needing a department, the dispatcher routes it, the department handler signs and
// resolves it, the grid worker verifies it; the incident record shows the photo and who did what when.
// 特殊人群关爱 names no lead department in dept-by-category, so a person dispatches it (clear-cut categories are
// dispatched by the system: model and HTTP tests).
// Every task is reached the way a user reaches it from the event: 事件 → the record → "我现在可以做".
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import {
  BASE_URL,
  OUT,
  TIMEOUT,
  UNIQUE,
  StepError,
  clickAndExpectCall,
  completeWith,
  currentPage as page,
  expectText,
  expectThat,
  getJson,
  keyedFields,
  fillForm,
  login,
  optionsOf,
  step,
  submitButton,
  waitForFormReady,
} from '../lib.mjs';

const PROCESS_KEY = 'grid-event';
const REPORTER = 'grid0101';
const GRID = 'G0101';
const DISPATCHER = 'dispatcher';
const DEPT = 'MARKET';
const HANDLER = 'market';
// Task names of grid-event.bpmn, as the record page lists them.
const TRIAGE = '受理核实';
const DISPATCH = '受理分拨';
const SIGN = '签收/回退';
const HANDLE = '部门处置';
const VERIFY = '现场核查';
const CATEGORY = 'SPECIAL_CARE';
const DESCRIPTION = `独居老人反映上门推销的保健品虚假宣传，需市场监管部门查处 ${UNIQUE}`;
// A real 2×2 PNG, so the browser has an image to decode and show (the server checks the signature only).
const PHOTO_PNG = png2x2();
const PHOTO_NAME = `scene-${UNIQUE}.png`;

/** Opens the event's record page through the 事件 menu and the list's search. */
async function openRecord(eventId) {
  await page().getByRole('menuitem', { name: '事件' }).click();
  await page().getByTestId('incident-list-page').waitFor();
  const search = page().getByTestId('incident-filter-text').locator('input');
  await search.fill(eventId);
  // The list may already have searched while typing (then Enter asks for nothing new): wait for the row itself.
  await search.press('Enter');
  const row = page().locator(`[data-testid="incident-row"][data-incident-id="${eventId}"]`);
  await row.waitFor({ timeout: TIMEOUT }).catch(() => {
    throw new StepError(`event ${eventId} is not in the 事件 list of this user`);
  });
  await row.click();
  await page().locator(`[data-testid="incident-record-page"][data-incident-id="${eventId}"]`).waitFor();
}

/** From the record, the user's own open task of that name ("我现在可以做"): open it and claim it. */
async function takeTaskFromRecord(eventId, taskName) {
  const now = page().getByTestId('incident-now');
  const item = now.locator('.ant-list-item', { hasText: taskName });
  await item.waitFor({ timeout: TIMEOUT }).catch(async () => {
    throw new StepError(`the record of ${eventId} offers no "${taskName}" to this user; it shows: ${await now.innerText()}`);
  });
  await item.getByTestId('incident-task-link').click();
  await page().waitForURL(/\/tasks\/[^/]+$/, { timeout: TIMEOUT });
  const taskId = decodeURIComponent(new URL(page().url()).pathname.split('/').pop());
  await page().getByTestId('task-detail-page').waitFor();
  const claim = page().getByTestId('task-claim');
  if (await claim.isVisible()) {
    await clickAndExpectCall(claim, 'POST', `/api/tasks/${taskId}/claim`, `claiming ${taskName}`);
  }
  await page().getByTestId('task-unclaim').waitFor();
  await waitForFormReady(true);
  const task = await getJson(`/api/tasks/${taskId}`);
  expectThat(task.name === taskName && task.businessKey === eventId,
    `the link opened "${task.name}" of ${task.businessKey}, expected "${taskName}" of ${eventId}`);
  return taskId;
}

async function expectStage(eventId, stage) {
  const record = await getJson(`/api/incidents/${eventId}`);
  expectThat(record.summary.stage.includes(stage), `${eventId} is at ${JSON.stringify(record.summary.stage)}, expected ${stage}`);
}

export default async function gridEventDepartment() {
  let eventId;
  await step(`${REPORTER} reports an incident with a photo through the start form`, async () => {
    const me = await login(REPORTER);
    expectThat(me.scopes?.grids?.includes(GRID), `${REPORTER} is not a worker of ${GRID}`);
    // the header tells everyone signed in whether their community is at war footing
    const myMode = await getJson('/api/org/my-mode');
    const badge = page().getByTestId('header-mode');
    await badge.waitFor();
    const shown = await badge.getAttribute('data-mode');
    expectThat(shown === myMode.mode, `the header shows mode ${shown}, the server says ${myMode.mode}`);
    await page().getByRole('menuitem', { name: '发起' }).click();
    await page().getByTestId(`start-card-${PROCESS_KEY}`).click();
    await page().waitForURL(`**/start/${PROCESS_KEY}`);
    await waitForFormReady(true);
    const payload = await getJson(`/api/processes/${PROCESS_KEY}/start-form`);
    const gridField = keyedFields(payload.schema).find((f) => f.key === 'gridId');
    expectThat(optionsOf(gridField, payload.data).some((o) => o.value === GRID), `the start form offers no grid ${GRID}`);
    await fillForm(payload, { gridId: GRID, category: CATEGORY, urgency: 'ROUTINE', description: DESCRIPTION });
    await page().getByTestId('photo-input').setInputFiles({ name: PHOTO_NAME, mimeType: 'image/png', buffer: PHOTO_PNG });
    await expectText(page().getByTestId('photo-picker'), PHOTO_NAME, `the picked photo ${PHOTO_NAME} to be listed`);
    await page().screenshot({ path: resolve(OUT, 'dept-report-form.png'), fullPage: true });
    const [photoResponse, startResponse] = await Promise.all([
      page().waitForResponse((r) => r.request().method() === 'POST' && /\/api\/incidents\/[^/]+\/photos$/.test(r.url()), {
        timeout: TIMEOUT,
      }),
      clickAndExpectCall(await submitButton('start-submit'), 'POST', `/api/processes/${PROCESS_KEY}/start`, 'starting the report'),
    ]);
    eventId = (await startResponse.json()).businessKey;
    expectThat(/^EV-\d{8}-\d{5}$/.test(eventId ?? ''), `the start answered business key ${eventId}`);
    expectThat(photoResponse.status() === 201, `the photo upload answered ${photoResponse.status()}: ${await photoResponse.text()}`);
    await page().getByTestId('photos-uploaded').waitFor();
    console.log(`  reported ${eventId} with ${PHOTO_NAME}`);
  });

  await step(`the record shows the photo; ${REPORTER} triages it as a matter for a department`, async () => {
    await page().getByTestId('start-view-incident').click();
    await page().locator(`[data-testid="incident-record-page"][data-incident-id="${eventId}"]`).waitFor();
    await page().getByRole('tab', { name: /照片附件/ }).click();
    const img = page().getByTestId('incident-photo').locator('img').first();
    await img.waitFor();
    await page().waitForFunction((el) => el.complete && el.naturalWidth === 2, await img.elementHandle(), { timeout: TIMEOUT })
      .catch(() => {
        throw new StepError('the photo on the record did not load as the 2×2 PNG that was reported');
      });
    const id = await takeTaskFromRecord(eventId, TRIAGE);
    await completeWith(id, {
      category: CATEGORY,
      urgency: 'ROUTINE',
      canSelfResolve: false,
      // complex: a simple care matter would stay in the community (grid-event-routing)
      complex: true,
      triageNote: `现场核实属实，需市场监管部门处置 ${UNIQUE}`,
    });
    await expectStage(eventId, DISPATCH);
  });

  await step('a worker of the neighbouring grid cannot open the event', async () => {
    await login('grid0102');
    await page().goto(`${BASE_URL}/incidents/${eventId}`);
    await page().getByTestId('incident-not-found').waitFor();
  });

  await step(`${DISPATCHER} routes it to ${DEPT}`, async () => {
    await login(DISPATCHER);
    await openRecord(eventId);
    // The event's community and its mode now (平时 unless a mode switch put it at war).
    const modes = await getJson('/api/org/modes');
    const mode = await page().getByTestId('incident-community-mode').getAttribute('data-mode');
    expectThat(mode === (modes.C01 ?? 'PEACE'), `the record shows mode ${mode}, the server says ${modes.C01 ?? 'PEACE'} for C01`);
    const id = await takeTaskFromRecord(eventId, DISPATCH);
    await completeWith(id, { leadDept: DEPT, dispatchNote: `请市场监管局处置 ${UNIQUE}` });
    await expectStage(eventId, SIGN);
  });

  await step(`${HANDLER} (${DEPT}) sees it among the department's events, signs it and resolves it`, async () => {
    await login(HANDLER);
    await openRecord(eventId);
    const signId = await takeTaskFromRecord(eventId, SIGN);
    await completeWith(signId, { signDecision: 'SIGN' });
    await openRecord(eventId);
    const handleId = await takeTaskFromRecord(eventId, HANDLE);
    await completeWith(handleId, { resolutionNote: `已查处推销方并为老人办理退货 ${UNIQUE}` });
    await expectStage(eventId, VERIFY);
  });

  await step(`${REPORTER} verifies it on site`, async () => {
    await login(REPORTER);
    await openRecord(eventId);
    const id = await takeTaskFromRecord(eventId, VERIFY);
    await completeWith(id, { verifyResult: 'PASS', verifyNote: `回访老人，款项已退回 ${UNIQUE}` });
  });

  await step('the closed record shows the photo and the timeline of who did what', async () => {
    const deadline = Date.now() + 30_000;
    let record = await getJson(`/api/incidents/${eventId}`);
    while (record.summary.status === 'ACTIVE' && Date.now() < deadline) {
      await page().waitForTimeout(500);
      record = await getJson(`/api/incidents/${eventId}`);
    }
    expectThat(record.summary.status === 'COMPLETED', `${eventId} is still ${record.summary.status} at ${record.summary.stage}`);
    await openRecord(eventId);
    await expectText(page().getByTestId('incident-status'), '已办结', 'the record to show 已办结');
    await page().getByRole('tab', { name: /办理记录/ }).click();
    const timeline = page().getByTestId('incident-timeline');
    await timeline.waitFor();
    const text = await timeline.innerText();
    for (const expected of ['上报', '张伟', '上传照片', TRIAGE, DISPATCH, '孙丽', SIGN, HANDLE, '胡斌', VERIFY]) {
      expectThat(text.includes(expected), `the timeline does not mention "${expected}":\n${text}`);
    }
    const completed = record.timeline.filter((e) => e.type === 'TASK_COMPLETED').map((e) => `${e.activityName}:${e.userId}`);
    for (const expected of [`${TRIAGE}:${REPORTER}`, `${DISPATCH}:${DISPATCHER}`, `${SIGN}:${HANDLER}`, `${HANDLE}:${HANDLER}`, `${VERIFY}:${REPORTER}`]) {
      expectThat(completed.includes(expected), `the timeline lacks "${expected}" (has ${completed.join(', ')})`);
    }
    await page().screenshot({ path: resolve(OUT, 'dept-incident-timeline.png'), fullPage: true });
    await page().getByRole('tab', { name: /照片附件/ }).click();
    const img = page().getByTestId('incident-photo').locator('img').first();
    await page().waitForFunction((el) => el.complete && el.naturalWidth === 2, await img.elementHandle(), { timeout: TIMEOUT });
    await page().screenshot({ path: resolve(OUT, 'dept-incident-photo.png'), fullPage: true });
  });
}

function png2x2() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  // Each row: filter byte 0, then two RGB pixels.
  const pixels = Buffer.from([0, 220, 40, 40, 40, 160, 60, 0, 40, 90, 220, 250, 250, 250]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

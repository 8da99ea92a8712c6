// The grid-event patrol path: a grid worker reports an incident through the start form, triages it as
// self-resolvable, resolves it in the grid and verifies it on site.
import { resolve } from 'node:path';
import {
  OUT,
  UNIQUE,
  TIMEOUT,
  StepError,
  clickAndExpectCall,
  completeWith,
  currentPage as page,
  defaultValue,
  escapeRegExp,
  expectThat,
  fieldContainer,
  fillField,
  fillForm,
  findRow,
  getJson,
  keyedFields,
  login,
  openAndClaim,
  openList,
  optionsOf,
  refreshList,
  step,
  submitButton,
  waitForFormReady,
} from '../lib.mjs';

const USER = process.env.E2E_USER || 'grid0101';
const PASSWORD = process.env.E2E_PASSWORD || 'demo';
const PROCESS_KEY = 'grid-event';
// Names of the user tasks in grid-event.bpmn, as the list shows them.
const TASK_TRIAGE = { name: '受理核实', key: 'verifyAndTriage' };
const TASK_RESOLVE = { name: '网格内处置', key: 'resolveInGrid' };
const TASK_VERIFY = { name: '现场核查', key: 'verifyOnSite' };
const DESCRIPTION = `东一路 12 号井盖破损，行人易绊倒 ${UNIQUE}`;

export default async function gridEventPatrol() {
  let me;
  await step(`log in as ${USER}`, async () => {
    me = await login(USER, PASSWORD);
  });

  let started;
  await step(`report an event through the start form of ${PROCESS_KEY}`, async () => {
    await page().getByRole('menuitem', { name: '发起' }).click();
    await page().getByTestId(`start-card-${PROCESS_KEY}`).click();
    await page().waitForURL(`**/start/${PROCESS_KEY}`);
    await waitForFormReady(true);
    const payload = await getJson(`/api/processes/${PROCESS_KEY}/start-form`);
    const gridField = keyedFields(payload.schema).find((f) => f.key === 'gridId');
    const gridOptions = gridField ? optionsOf(gridField, payload.data) : [];
    expectThat(gridOptions.length > 0, 'the start form offers no grid to choose (gridId options are empty)');
    // The worker's own grid, so the follow-up tasks land in this worker's candidate group.
    const grid = gridOptions.find((o) => me.scopes?.grids?.includes(o.value)) ?? gridOptions[0];
    const fields = keyedFields(payload.schema);
    const values = { gridId: grid.value, description: DESCRIPTION };
    for (const key of ['category', 'urgency']) {
      const field = fields.find((f) => f.key === key);
      if (field) values[key] = defaultValue(field, payload.data);
    }
    await fillForm(payload, values);
    const response = await clickAndExpectCall(
      await submitButton('start-submit'),
      'POST',
      `/api/processes/${PROCESS_KEY}/start`,
      'starting the process',
    );
    started = await response.json();
    await page().getByTestId('start-success').waitFor();
    console.log(`  started ${started.processInstanceId} business key ${started.businessKey}`);
  });

  let triageId;
  await step(`find ${TASK_TRIAGE.name} under the "group" filter (count ≥ 1), open and claim it`, async () => {
    await openList('group');
    const row = await findRow(TASK_TRIAGE, 'group');
    const count = Number((await page().getByTestId('filter-count-group').textContent())?.trim());
    expectThat(count >= 1, `the "group" filter count is ${count}, expected ≥ 1`);
    await row.scrollIntoViewIfNeeded();
    await page().screenshot({ path: resolve(OUT, 'task-list.png'), fullPage: true });
    triageId = await openAndClaim(TASK_TRIAGE, 'group');
  });

  await step('an invalid triage form is stopped in the browser', async () => {
    const payload = await getJson(`/api/tasks/${triageId}/form`);
    const required = keyedFields(payload.schema).filter((f) => f.validate?.required && !f.readonly && !f.disabled);
    // Empty a required field: a text field is typed empty, a select is cleared with its × button.
    const target =
      required.find((f) => f.type === 'textarea' || f.type === 'textfield') ?? required.find((f) => f.type === 'select');
    if (!target) {
      console.log('  (the triage form has no required text or select field to empty)');
      return 'skipped';
    }
    if (target.type === 'select') {
      const cross = fieldContainer(target).locator('.fjs-select-cross');
      if ((await cross.count()) > 0) await cross.click();
    } else {
      await fillField(target, '', payload.data);
    }
    let sent = false;
    const watch = (req) => {
      if (req.method() === 'POST' && req.url().includes(`/api/tasks/${triageId}/complete`)) sent = true;
    };
    page().on('request', watch);
    await (await submitButton('task-complete')).click();
    await fieldContainer(target)
      .locator('.fjs-form-field-error')
      .waitFor({ state: 'visible', timeout: TIMEOUT })
      .catch(() => {
        throw new StepError(`no validation message appeared under the emptied required field "${target.key}"`);
      });
    page().off('request', watch);
    expectThat(!sent, 'the invalid form was sent to the server');
    expectThat(page().url().endsWith(`/tasks/${triageId}`), 'the page left the task after an invalid submit');
    console.log(`  emptied "${target.key}"; form-js kept the form from being sent`);
  });

  await step(`complete ${TASK_TRIAGE.name} as self-resolvable`, async () => {
    const payload = await getJson(`/api/tasks/${triageId}/form`);
    const fields = keyedFields(payload.schema);
    const values = { canSelfResolve: true, triageNote: `可网格内自行处置 ${UNIQUE}` };
    for (const key of ['category', 'urgency']) {
      const field = fields.find((f) => f.key === key);
      if (field) values[key] = payload.data?.[key] ?? defaultValue(field, payload.data);
    }
    await completeWith(triageId, values, 'task-detail.png');
  });

  await step(`${TASK_RESOLVE.name} appears for the same grid; claim and resolve it`, async () => {
    const id = await openAndClaim(TASK_RESOLVE, 'all');
    await completeWith(id, { resolutionNote: `已更换井盖 ${UNIQUE}` });
  });

  await step(`${TASK_VERIFY.name}: verify on site with PASS`, async () => {
    const id = await openAndClaim(TASK_VERIFY, 'all');
    await completeWith(id, { verifyResult: 'PASS' });
  });

  await step('the event has left the task list', async () => {
    await openList('all');
    const rows = page().locator('[data-testid="task-row"]').filter({ hasText: new RegExp(escapeRegExp(UNIQUE)) });
    const deadline = Date.now() + 30_000;
    await refreshList();
    while ((await rows.count()) > 0) {
      expectThat(Date.now() < deadline, `tasks of ${UNIQUE} are still listed 30 s after the last step`);
      await refreshList();
    }
  });
}

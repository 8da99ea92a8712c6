// 政府购买服务 (domain-spec §3): a department proposes a catalogue item, it is reviewed, approved and published as
// a new catalogue version; a contract is planned, awarded, drafted with the clauses of art. 7, reviewed and signed;
// a quarter passes (the evaluation timer is run through engine-rest, as the clock cannot be moved in a browser
// test); the community served gives its feedback; the department enters its evaluation and the contract page shows
// the grade, the community's feedback and the payments; the provider finds the contract on its own page.
import { resolve } from 'node:path';
import {
  BASE_URL,
  OUT,
  TIMEOUT,
  UNIQUE,
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

const ITEM_NAME = `社区助浴服务 ${UNIQUE}`;
const ADMIN = Buffer.from(`${process.env.E2E_ADMIN || 'admin'}:${process.env.E2E_ADMIN_PASSWORD || 'admin'}`).toString('base64');

/** The open task of this process instance (by business key) and definition key, as the user's task list has it. */
async function taskOf(processKey, businessKey, taskKey) {
  for (let i = 0; i < 30; i++) {
    const list = await getJson(`/api/tasks?filter=all&size=200&processKey=${processKey}`);
    const task = list.items.find((t) => t.businessKey === businessKey && t.taskDefinitionKey === taskKey);
    if (task) return task.id;
    await page().waitForTimeout(1000);
  }
  throw new StepError(`no open task ${taskKey} of ${businessKey} in the task list`);
}

/** Opens a task page, claims it and completes its Camunda Form with the given values. */
async function completeTask(taskId, values, screenshot) {
  await page().goto(`${BASE_URL}/tasks/${taskId}`);
  await page().getByTestId('task-detail-page').waitFor({ timeout: TIMEOUT });
  const claim = page().getByTestId('task-claim');
  await claim.or(page().getByTestId('task-unclaim')).first().waitFor({ timeout: TIMEOUT });
  if (await claim.isVisible()) await clickAndExpectCall(claim, 'POST', `/api/tasks/${taskId}/claim`, 'claiming the task');
  await waitForFormReady(true);
  await completeWith(taskId, values, screenshot);
}

async function openContract(contractId) {
  await page().goto(`${BASE_URL}/procurement/contracts/${contractId}`);
  await page().getByTestId('contract-page').waitFor({ timeout: TIMEOUT });
}

export default async function procurement() {
  let itemCode;
  await step('buyer01 proposes a catalogue item from the procurement page', async () => {
    await login('buyer01');
    await page().getByRole('menuitem', { name: '政府购买服务' }).click();
    await page().getByTestId('procurement-page').waitFor();
    await page().getByTestId('propose-item').click();
    await page().getByTestId('item-name').fill(ITEM_NAME);
    await page().getByTestId('item-legal-basis').fill('《龙港市社区治理条例》第六条');
    const response = await clickAndExpectCall(page().getByTestId('propose-submit'), 'POST', '/api/procurement/catalog/items',
      'proposing the item');
    const item = await response.json();
    itemCode = item.itemCode;
    expectThat(item.status === 'PROPOSED', `the item is ${item.status}, expected PROPOSED (not on the negative list)`);
    await page().locator(`[data-testid="catalog-row"][data-code="${itemCode}"]`).waitFor({ timeout: TIMEOUT });
    console.log(`  proposed ${itemCode}`);
  });

  await step('govadmin reviews it and citygov01 approves it: it is published', async () => {
    await login('govadmin');
    await completeTask(await taskOf('service-catalog-item', itemCode, 'reviewItem'), { reviewDecision: 'APPROVE' });
    await login('citygov01');
    await completeTask(await taskOf('service-catalog-item', itemCode, 'approveItem'), { approvalDecision: 'APPROVE' });
    const catalog = await (await page().request.get(`${BASE_URL}/api/procurement/public/catalog`)).json();
    expectThat(catalog.items.some((i) => i.itemCode === itemCode), `${itemCode} is not in the public catalogue`);
  });

  let contractId;
  await step('buyer01 sees the new version against the previous one and plans a contract', async () => {
    await login('buyer01');
    await page().goto(`${BASE_URL}/procurement?tab=versions`);
    await page().getByTestId('version-compare').waitFor({ timeout: TIMEOUT });
    await page().getByTestId('diff-added').filter({ hasText: itemCode }).waitFor({ timeout: TIMEOUT });
    await page().goto(`${BASE_URL}/procurement?tab=contracts`);
    await page().getByTestId('plan-contract').click();
    await page().getByTestId('plan-item').click();
    await page().keyboard.type(itemCode);
    await page().locator('.ant-select-item-option').filter({ hasText: itemCode }).first().click();
    await page().getByTestId('plan-budget').fill('600000');
    await page().getByTestId('plan-community').click();
    await page().locator('.ant-select-item-option').filter({ hasText: 'C01' }).first().click();
    const response = await clickAndExpectCall(page().getByTestId('plan-submit'), 'POST', '/api/procurement/contracts',
      'planning the contract');
    contractId = (await response.json()).contractId;
    await page().getByTestId('contract-page').waitFor({ timeout: TIMEOUT });
    console.log(`  planned ${contractId}`);
  });

  await step('finance01 confirms the budget', async () => {
    await login('finance01');
    await completeTask(await taskOf('service-contract', contractId, 'checkBudget'), { budgetDecision: 'APPROVE' });
  });

  await step('buyer01 enters the award and drafts the contract; a missing clause is refused by name', async () => {
    await login('buyer01');
    await openContract(contractId);
    await page().getByTestId('award-provider').fill('P001');
    await page().getByTestId('award-price').fill('600000');
    await clickAndExpectCall(page().getByTestId('award-submit'), 'POST', `/api/procurement/contracts/${contractId}/award`,
      'entering the award');
    await page().getByTestId('draft-form').waitFor({ timeout: TIMEOUT });
    await page().getByTestId('draft-serviceItems').fill('每周两次为失能老人上门助浴');
    await page().getByTestId('draft-qualityKpis').fill('满意度≥90%，安全事故为零');
    const [refused] = await Promise.all([
      page().waitForResponse((r) => r.url().endsWith(`/contracts/${contractId}/draft`) && r.request().method() === 'POST'),
      page().getByTestId('draft-submit').click(),
    ]);
    expectThat(refused.status() === 400, `a draft without payment method answered ${refused.status()}`);
    await page().getByTestId('procurement-error').filter({ hasText: '资金支付方式' }).waitFor({ timeout: TIMEOUT });
    await page().getByTestId('draft-paymentMethod').fill('签订后预付 30%，其余按季度评价结果支付');
    await clickAndExpectCall(page().getByTestId('draft-submit'), 'POST', `/api/procurement/contracts/${contractId}/draft`,
      'submitting the draft');
  });

  await step('legal01 approves, both parties sign: the contract is in force and the advance paid', async () => {
    await login('legal01');
    await completeTask(await taskOf('service-contract', contractId, 'legalReview'), { legalDecision: 'APPROVE' });
    await login('buyer01');
    await completeTask(await taskOf('service-contract', contractId, 'signByBuyer'), { signed: true });
    await login('provider01');
    await completeTask(await taskOf('service-contract', contractId, 'signByProvider'), { signed: true });
    const view = await getJson(`/api/procurement/contracts/${contractId}`);
    expectThat(view.contract.status === 'IN_FORCE', `the contract is ${view.contract.status}, expected IN_FORCE`);
    expectThat(view.payments.length === 1 && view.payments[0].kind === 'ADVANCE', 'the advance was not paid');
  });

  await step('a quarter passes: the evaluation timer runs', async () => {
    const view = await getJson(`/api/procurement/contracts/${contractId}`);
    const headers = { Authorization: `Basic ${ADMIN}`, Accept: 'application/json' };
    const jobs = await (await page().request.get(
      `${BASE_URL}/engine-rest/job?processInstanceId=${view.contract.processInstanceId}&activityId=periodicDue&firstResult=0&maxResults=10`, { headers })).json();
    expectThat(Array.isArray(jobs) && jobs.length === 1, `expected one evaluation timer, found ${JSON.stringify(jobs).slice(0, 200)}`);
    const run = await page().request.post(`${BASE_URL}/engine-rest/job/${jobs[0].id}/execute`, { headers });
    expectThat(run.status() === 204, `executing the timer answered ${run.status()}`);
  });

  await step('cstaff01 of the community served gives its feedback on the quarter', async () => {
    await login('cstaff01');
    await completeTask(await taskOf('service-contract', contractId, 'communityFeedback'),
      { communitySatisfaction: 'SATISFIED', communityFeedback: '老人反映助浴及时周到' });
  });

  await step('buyer01 enters the evaluation; the contract page shows the grade, the feedback and the payments', async () => {
    await login('buyer01');
    await openContract(contractId);
    await page().getByTestId('evaluation-form').waitFor({ timeout: TIMEOUT });
    await page().getByTestId('eval-score').fill('85');
    await page().getByTestId('eval-note').fill('服务规范，个别时段人手不足');
    await clickAndExpectCall(page().getByTestId('eval-submit'), 'POST', `/api/procurement/contracts/${contractId}/evaluations`,
      'entering the evaluation');
    await page().getByTestId('evaluations-table').getByTestId('grade').filter({ hasText: '良' }).waitFor({ timeout: TIMEOUT });
    await page().getByTestId('evaluations-table').getByText('100%').first().waitFor({ timeout: TIMEOUT });
    await page().getByTestId('community-feedback').filter({ hasText: '老人反映助浴及时周到' }).waitFor({ timeout: TIMEOUT });
    const amounts = await page().getByTestId('payments-table').getByTestId('payment-amount').allTextContents();
    // 600,000 yuan, 30% advance = 180,000; the rest in 4 quarters = 105,000 each, paid in full for 良
    expectThat(amounts.join('|') === '¥180,000.00|¥105,000.00', `payments shown: ${amounts.join(', ')}`);
    await page().getByTestId('bpmn-diagram').and(page().locator('[data-state="ready"]')).waitFor({ timeout: TIMEOUT });
    await page().screenshot({ path: resolve(OUT, 'procurement-contract.png'), fullPage: true });
  });

  await step('provider01 sees the contract with its grade and payments on its own page', async () => {
    await login('provider01');
    await page().goto(`${BASE_URL}/procurement`);
    const row = page().locator(`[data-testid="provider-row"][data-id="${contractId}"]`);
    await row.waitFor({ timeout: TIMEOUT });
    await row.getByTestId('provider-grade').filter({ hasText: '良' }).waitFor({ timeout: TIMEOUT });
    const paid = await row.getByTestId('provider-paid').textContent();
    expectThat(paid === '¥285,000.00', `provider01 sees ${paid} paid, expected ¥285,000.00`);
  });
}

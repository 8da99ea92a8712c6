// 系统管理 · 用户: the administrator creates a user in the browser and puts them in grid-staff:G0202 with the group
// picker; the new user signs in with the initial password and finds the task of an event reported in G0202.
import { resolve } from 'node:path';
import { OUT, TIMEOUT, UNIQUE, clickAndExpectCall, currentPage as page, expectThat, findRow, login, step } from '../lib.mjs';

const ADMIN_USER = process.env.E2E_ADMIN || 'admin';
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD || 'admin';
const NEW_USER = `e2e${UNIQUE.replace(/[^a-zA-Z0-9]/g, '').slice(-10).toLowerCase()}`;
const NEW_PASSWORD = `Start-${UNIQUE.slice(-4)}1234`;
const GROUP = 'grid-staff:G0202';
const TASK_TRIAGE = { name: '受理核实', key: 'verifyAndTriage' };
const DESCRIPTION = `湖前社区第二网格路灯不亮 ${UNIQUE}`;

/** The <input> of an antd field whose data-testid sits on the input or on its wrapper. */
function inputOf(testId) {
  return page().locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

/** Posts JSON through the app's session, with the CSRF token as the app sends it. */
async function postAsApp(path, body) {
  return page().evaluate(async ([p, b]) => {
    const csrf = await (await fetch('/api/auth/csrf', { headers: { Accept: 'application/json' } })).json();
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    const token = cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : csrf.token;
    const reply = await fetch(p, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [csrf.headerName]: token },
      body: JSON.stringify(b),
    });
    return { status: reply.status, text: await reply.text() };
  }, [path, body]);
}

export default async function admin() {
  await step(`an event is reported in G0202 (${DESCRIPTION})`, async () => {
    await login('grid0202', 'demo');
    const started = await postAsApp('/api/processes/grid-event/start', {
      variables: { gridId: 'G0202', category: 'ENV_CLUTTER', urgency: 'ROUTINE', description: DESCRIPTION },
    });
    expectThat(started.status === 201, `reporting answered ${started.status}: ${started.text.slice(0, 300)}`);
  });

  await step(`the administrator creates ${NEW_USER} in ${GROUP} on 系统管理 → 用户`, async () => {
    await login(ADMIN_USER, ADMIN_PASSWORD);
    await page().getByRole('menuitem', { name: '系统管理' }).click();
    await page().waitForURL('**/admin/users');
    await page().getByTestId('users-page').waitFor({ timeout: TIMEOUT });
    await page().getByTestId('user-add').click();
    await inputOf('user-id').fill(NEW_USER);
    await inputOf('user-last-name').fill('测');
    await inputOf('user-first-name').fill('试员');
    await inputOf('user-password-input').fill(NEW_PASSWORD);
    await page().getByTestId('user-groups').click();
    await inputOf('user-groups').fill(GROUP);
    await page().locator(`.ant-select-item-option[title^="${GROUP} "]`).click();
    // close the picker by moving on (Escape would close the drawer)
    await inputOf('user-email').click();
    const response = await clickAndExpectCall(page().getByTestId('user-save'), 'POST', '/api/admin/users', 'creating the user');
    const created = await response.json();
    expectThat(created.groups.includes(GROUP), `the new user's groups are ${created.groups.join(', ')}`);
    const row = page().locator(`[data-testid="user-row"][data-id="${NEW_USER}"]`);
    await page().getByTestId('user-search').locator('input').fill(NEW_USER);
    await page().getByTestId('user-search').locator('input').press('Enter');
    await row.waitFor({ timeout: TIMEOUT });
    await page().screenshot({ path: resolve(OUT, 'admin-users.png'), fullPage: true });
  });

  await step(`${NEW_USER} signs in and sees the G0202 task`, async () => {
    const me = await login(NEW_USER, NEW_PASSWORD);
    expectThat(me.name === '测试员', `the header name is ${me.name}`);
    const row = await findRow(TASK_TRIAGE, 'all');
    expectThat(await row.isVisible(), `the task ${TASK_TRIAGE.name} of ${UNIQUE} is listed`);
  });
}

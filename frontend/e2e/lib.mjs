// Shared harness of the browser tests: browser start, steps with screenshots on failure, login,
// form-js filling driven by the deployed form schema, and task-list helpers. Each scenario lives in
// e2e/scenarios/*.mjs (see run.mjs).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const BASE_URL = (process.env.BASE_URL || 'http://localhost:18080').replace(/\/$/, '');
export const OUT = resolve(here, '..', process.env.E2E_OUT || '../backend/target/e2e');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const TIMEOUT = 15_000;

// A text no earlier run used, so the rows of this run can be told apart.
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
export const UNIQUE = `E2E-${stamp}-${Math.random().toString(36).slice(2, 6)}`;

let passed = 0;
let skipped = 0;
let page;
let browser;
const consoleErrors = [];

export class StepError extends Error {}

export function expectThat(condition, message) {
  if (!condition) throw new StepError(message);
}

export async function step(name, fn) {
  const started = Date.now();
  try {
    const result = await fn();
    if (result === 'skipped') {
      skipped++;
      console.log(`skip - ${name}`);
    } else {
      passed++;
      console.log(`ok ${passed} - ${name} (${Date.now() - started} ms)`);
    }
  } catch (error) {
    await fail(name, error);
  }
}

export async function fail(name, error) {
  console.error(`FAILED - ${name}`);
  console.error(`  ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof StepError) && error instanceof Error && error.stack) {
    console.error(error.stack.split('\n').slice(1, 6).join('\n'));
  }
  if (page) {
    console.error(`  page: ${page.url()}`);
    try {
      await page.screenshot({ path: resolve(OUT, 'failure.png'), fullPage: true });
      console.error(`  screenshot: ${resolve(OUT, 'failure.png')}`);
    } catch (e) {
      console.error(`  (no screenshot: ${e.message})`);
    }
  }
  if (consoleErrors.length) console.error(`  browser console errors:\n    ${consoleErrors.slice(-5).join('\n    ')}`);
  await browser?.close().catch(() => undefined);
  console.log(`e2e: ${passed} passed, 1 failed`);
  process.exit(1);
}

// ---- API helpers (share the browser's session cookie) ------------------------------------------

export async function getJson(path) {
  const res = await page.request.get(`${BASE_URL}${path}`, { headers: { Accept: 'application/json' } });
  if (!res.ok()) throw new StepError(`GET ${path} answered ${res.status()}: ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

/** Clicks and waits for the API call it triggers; a non-2xx answer fails with the server's message. */
export async function clickAndExpectCall(locator, method, pathPart, what) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === method && r.url().includes(pathPart), { timeout: TIMEOUT }),
    locator.click(),
  ]);
  if (response.status() >= 300) {
    throw new StepError(`${what}: ${method} ${pathPart} answered ${response.status()}: ${(await response.text()).slice(0, 500)}`);
  }
  return response;
}

// ---- form-js helpers ---------------------------------------------------------------------------

const INPUT_TYPES = new Set(['textfield', 'textarea', 'number', 'select', 'radio', 'checkbox', 'checklist', 'taglist', 'datetime']);

function flatten(components = []) {
  return components.flatMap((c) => [c, ...flatten(c.components)]);
}

export function keyedFields(schema) {
  return flatten(schema.components).filter((c) => c.key && INPUT_TYPES.has(c.type));
}

export function optionsOf(field, data) {
  if (Array.isArray(field.values)) return field.values;
  if (field.valuesKey && Array.isArray(data?.[field.valuesKey])) return data[field.valuesKey];
  return [];
}

/** The innermost form-js field wrapper of a schema component (ids carry form-js' random form id as prefix). */
export function fieldContainer(field) {
  const scope = page.locator('.fjs-container');
  if (field.id) {
    return scope
      .locator(`.fjs-form-field:has([id$="-${field.id}"]), .fjs-form-field:has([id$="-${field.id}-0"])`)
      .last();
  }
  return scope.locator('.fjs-form-field').filter({ has: page.locator('label', { hasText: field.label ?? field.key }) }).last();
}

export async function fillField(field, value, data) {
  const box = fieldContainer(field);
  await box.waitFor({ state: 'visible', timeout: TIMEOUT });
  switch (field.type) {
    case 'textfield':
    case 'textarea':
    case 'number':
      await box.locator('input, textarea').first().fill(value === null ? '' : String(value));
      return;
    case 'checkbox':
      await box.locator('input[type="checkbox"]').setChecked(Boolean(value));
      return;
    case 'radio': {
      const index = optionsOf(field, data).findIndex((o) => o.value === value);
      expectThat(index >= 0, `radio "${field.key}" has no option ${JSON.stringify(value)}`);
      await box.locator('input[type="radio"]').nth(index).check();
      return;
    }
    case 'checklist': {
      const options = optionsOf(field, data);
      for (const v of Array.isArray(value) ? value : [value]) {
        await box.locator('input[type="checkbox"]').nth(options.findIndex((o) => o.value === v)).check();
      }
      return;
    }
    case 'select': {
      const option = optionsOf(field, data).find((o) => o.value === value);
      expectThat(option, `select "${field.key}" has no option ${JSON.stringify(value)}`);
      // form-js draws its own dropdown: open it, then pick the entry by its label.
      await box.locator('.fjs-input-group').click();
      await box.locator('.fjs-dropdownlist-item', { hasText: option.label }).first().click();
      await expectText(box.locator('.fjs-select-display, input').first(), option.label, `select "${field.key}" shows "${option.label}"`);
      return;
    }
    default:
      throw new StepError(`no e2e support for form field type ${field.type} (${field.key})`);
  }
}

export async function expectText(locator, text, what) {
  await page.waitForFunction(
    ([el, t]) => (el?.textContent ?? '').includes(t) || (el && 'value' in el && String(el.value).includes(t)),
    [await locator.elementHandle({ timeout: TIMEOUT }), text],
    { timeout: TIMEOUT },
  ).catch(() => {
    throw new StepError(`expected ${what}`);
  });
}

export function defaultValue(field, data) {
  const options = optionsOf(field, data);
  switch (field.type) {
    case 'select':
    case 'radio':
      return options[0]?.value;
    case 'checklist':
    case 'taglist':
      return options[0] ? [options[0].value] : [];
    case 'checkbox':
      return true;
    case 'number':
      return field.validate?.min ?? 1;
    default:
      return `e2e ${UNIQUE}`;
  }
}

/**
 * Fills `values` and anything else the form requires that has no value yet, so the test survives
 * forms that gain required fields. Read-only and disabled fields are left alone.
 */
export async function fillForm(payload, values) {
  const { schema, data = {} } = payload;
  const fields = keyedFields(schema);
  for (const [key, value] of Object.entries(values)) {
    const field = fields.find((f) => f.key === key);
    expectThat(field, `the form has no field "${key}" (fields: ${fields.map((f) => f.key).join(', ')})`);
    await fillField(field, value, data);
  }
  for (const field of fields) {
    if (field.key in values || field.readonly === true || field.disabled === true) continue;
    const present = data[field.key] !== undefined && data[field.key] !== null && data[field.key] !== '';
    if (field.validate?.required && !present) await fillField(field, defaultValue(field, data), data);
  }
}

/** form-js' own submit button when the form has one, else the app's button next to the form. */
export function submitButton(appTestId) {
  const own = page.locator('.fjs-container button.fjs-button[type="submit"]');
  return own.count().then((n) => (n > 0 ? own.first() : page.getByTestId(appTestId)));
}

/** Waits until form-js has rendered the form, and applied (or lifted) the app's read-only state. */
export async function waitForFormReady(editable) {
  const state = editable === undefined ? '' : `[data-disabled="${!editable}"]`;
  await page.locator(`[data-testid="form-js"][data-state="ready"]${state}`).waitFor({ timeout: TIMEOUT });
}

// ---- task list helpers -------------------------------------------------------------------------

export function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function rowsOf(task) {
  return page
    .locator(`[data-testid="task-row"][data-task-name="${task.name}"], [data-testid="task-row"][data-task-key="${task.key}"]`)
    .filter({ hasText: new RegExp(escapeRegExp(UNIQUE)) });
}

export async function openList(filterId) {
  if (!page.url().replace(BASE_URL, '').startsWith('/tasks') || /\/tasks\/./.test(page.url())) {
    await page.getByRole('menuitem', { name: '待办' }).click();
  }
  await page.getByTestId('task-list-page').waitFor({ timeout: TIMEOUT });
  await page.getByTestId(`filter-${filterId}`).click();
  await page.locator(`[data-testid="filter-${filterId}"][data-active="true"]`).waitFor({ timeout: TIMEOUT });
}

/** Refetches counts and the list, and waits until the list answer has arrived. */
export async function refreshList() {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/api/tasks', {
      timeout: TIMEOUT,
    }),
    page.getByTestId('tasks-refresh').click(),
  ]);
  // The answer is in; wait until the table has rendered it.
  await page.locator('[data-testid="tasks-refresh"].ant-btn-loading').waitFor({ state: 'detached', timeout: TIMEOUT });
}

/** The read model may trail the engine by a moment: refresh (no fixed sleeps) until the row shows. */
export async function findRow(task, filterId) {
  await openList(filterId);
  const deadline = Date.now() + 30_000;
  const rows = rowsOf(task);
  while (Date.now() < deadline) {
    try {
      await rows.first().waitFor({ state: 'visible', timeout: 1_000 });
      return rows.first();
    } catch {
      await refreshList();
    }
  }
  throw new StepError(`no task "${task.name}" whose row mentions ${UNIQUE} appeared in filter "${filterId}" within 30 s`);
}

export async function openAndClaim(task, filterId) {
  const row = await findRow(task, filterId);
  const taskId = await row.getAttribute('data-task-id');
  await row.click();
  await page.waitForURL(`**/tasks/${taskId}`, { timeout: TIMEOUT });
  await page.getByTestId('task-detail-page').waitFor({ timeout: TIMEOUT });
  const claim = page.getByTestId('task-claim');
  if (await claim.isVisible()) {
    await clickAndExpectCall(claim, 'POST', `/api/tasks/${taskId}/claim`, `claiming ${task.name}`);
  }
  await page.getByTestId('task-unclaim').waitFor({ timeout: TIMEOUT });
  await waitForFormReady(true);
  return taskId;
}

export async function completeWith(taskId, values, screenshot) {
  const payload = await getJson(`/api/tasks/${taskId}/form`);
  await fillForm(payload, values);
  if (screenshot) await page.screenshot({ path: resolve(OUT, screenshot), fullPage: true });
  await clickAndExpectCall(await submitButton('task-complete'), 'POST', `/api/tasks/${taskId}/complete`, 'completing the task');
  await page.waitForURL((url) => url.pathname === '/tasks', { timeout: TIMEOUT });
}


// ---- browser and session ------------------------------------------------------------------------

export async function launchBrowser() {
  mkdirSync(OUT, { recursive: true });
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await fail('launch Chromium', new StepError(`cannot start ${CHROMIUM}: ${error.message}`));
  }
}

/** A fresh browser context (no cookies) and page, which the helpers of this file then act on. */
export async function newSession() {
  if (page) await page.context().close().catch(() => undefined);
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  return page;
}

/** The page the helpers act on (replaced by each newSession()). */
export function currentPage() {
  return page;
}

/** Logs in through the login form in a fresh session; answers GET /api/me. */
export async function login(user, password = 'demo') {
  await newSession();
  await page.goto(`${BASE_URL}/login`);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill(password);
  await clickAndExpectCall(page.getByTestId('login-submit'), 'POST', '/api/auth/login', `logging in as ${user}`);
  await page.waitForURL((url) => url.pathname === '/tasks', { timeout: TIMEOUT });
  const me = await getJson('/api/me');
  await expectText(page.getByTestId('user-name'), me.name, `the header to show the user name "${me.name}"`);
  return me;
}

export async function finish() {
  await browser?.close();
  if (skipped) console.log(`(${skipped} step(s) skipped)`);
  console.log(`e2e: ${passed} passed, 0 failed`);
}

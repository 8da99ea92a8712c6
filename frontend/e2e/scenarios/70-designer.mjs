// The process designer's path: open grid-event in the browser modeler, rename a task, see the lint error of a
// user task without candidate group at the element, fix it, deploy, and find version n+1 in the library.
// A staff user cannot open the editor and reaches the read-only view through 查看流程定义 on the 发起 page.
import { resolve } from 'node:path';
import {
  BASE_URL,
  OUT,
  UNIQUE,
  clickAndExpectCall,
  currentPage as page,
  expectThat,
  getJson,
  login,
  step,
} from '../lib.mjs';

const KEY = 'grid-event';
// Late in the flow (after a dissatisfied rating), so other scenarios' events never reach the renamed task.
const TASK = 'assessDissatisfaction';
const NEW_NAME = `不满意研判（复核）${UNIQUE.slice(-4)}`;

async function propertiesGroup(groupId) {
  const header = page().locator(`[data-group-id="${groupId}"] .bio-properties-panel-group-header`);
  await header.waitFor();
  if (!(await header.evaluate((el) => el.classList.contains('open')))) await header.click();
}

async function setField(id, value) {
  const input = page().locator(`#bio-properties-panel-${id}`);
  await input.waitFor();
  await input.fill(value);
  // the properties panel applies input after a short debounce
  await page().waitForTimeout(600);
}

export default async function designer() {
  let before;
  await step('log in as designer and open the process library from the menu', async () => {
    await login('designer');
    await page().getByRole('menuitem', { name: '流程设计' }).click();
    await page().getByTestId('designer-library').waitFor();
    const versions = await getJson(`/api/designer/models/process/${KEY}/versions`);
    before = versions[0].version;
    await page().getByTestId(`library-row-${KEY}`).waitFor();
    const shown = await page().getByTestId(`library-version-${KEY}`).textContent();
    expectThat(shown?.trim() === `v${before}`, `library shows ${shown} for ${KEY}, expected v${before}`);
  });

  await step(`open ${KEY} in the modeler: it loads with no lint error`, async () => {
    await page().getByTestId(`library-row-${KEY}`).click();
    await page().getByTestId('model-edit').click();
    await page().waitForURL(`**/designer/process/${KEY}/edit`);
    await page().locator('[data-testid="bpmn-modeler"][data-state="ready"]').waitFor({ timeout: 30_000 });
    // a draft left by an earlier run would not be the deployed version
    const discard = page().getByTestId('editor-discard-draft');
    if (await discard.isVisible()) {
      await discard.click();
      await page().locator('[data-testid="bpmn-modeler"][data-state="ready"]').waitFor({ timeout: 30_000 });
    }
    await page().locator('[data-testid="lint-error-count"]').waitFor();
    const errors = await page().locator('[data-testid="lint-issue"][data-category="error"]').count();
    expectThat(errors === 0, `grid-event opens with ${errors} lint errors`);
  });

  await step(`rename the task ${TASK} in the properties panel`, async () => {
    await page().locator(`.djs-element.djs-shape[data-element-id="${TASK}"]`).click();
    await propertiesGroup('group-general');
    await setField('name', NEW_NAME);
    await page().locator(`.djs-element[data-element-id="${TASK}"] text`).filter({ hasText: NEW_NAME.slice(0, 5) }).first().waitFor();
  });

  await step('remove its candidate group: a lint error shows at the element and deploying is blocked', async () => {
    await propertiesGroup('group-CamundaPlatform__UserAssignment');
    await setField('candidateGroups', '');
    const issue = page().locator(`[data-testid="lint-issue"][data-element-id="${TASK}"][data-category="error"]`);
    await issue.waitFor();
    const text = await issue.textContent();
    expectThat(text?.includes('没有候选组或处理人表达式'), `lint issue reads "${text}"`);
    // bpmn-js-bpmnlint's marker on the shape itself
    await page().locator(`.djs-overlays[data-container-id="${TASK}"] .bjsl-overlay`).waitFor();
    expectThat(await page().getByTestId('editor-deploy').isDisabled(), 'deploy stays enabled despite a lint error');
    await page().screenshot({ path: resolve(OUT, 'designer-lint.png') });
  });

  await step('fix it: the error disappears', async () => {
    await setField('candidateGroups', 'sgc-supervisor');
    await page().locator(`[data-testid="lint-issue"][data-element-id="${TASK}"][data-category="error"]`).waitFor({ state: 'detached' });
    expectThat(!(await page().getByTestId('editor-deploy').isDisabled()), 'deploy is still disabled after the fix');
  });

  await step('deploy: the library shows version n+1 with the new name', async () => {
    const response = await clickAndExpectCall(
      page().getByTestId('editor-deploy'),
      'POST',
      `/api/designer/models/process/${KEY}/deployments`,
      'deploying',
    );
    const deployed = await response.json();
    expectThat(deployed.version === before + 1, `deployed version ${deployed.version}, expected ${before + 1}`);
    await page().getByTestId('designer-model').waitFor();
    await page().getByTestId(`version-${before + 1}`).waitFor();
    const content = await getJson(`/api/designer/models/process/${KEY}/versions/${before + 1}/content`);
    expectThat(content.content.includes(NEW_NAME), 'the deployed model does not carry the new task name');
    const versions = await getJson(`/api/designer/models/process/${KEY}/versions`);
    expectThat(versions[0].deployedBy === 'designer', `deployed by ${versions[0].deployedBy}`);
    await page().getByRole('menuitem', { name: '流程设计' }).click();
    await page()
      .getByTestId(`library-version-${KEY}`)
      .filter({ hasText: new RegExp(`^v${before + 1}$`) })
      .waitFor();
  });

  await step('a staff user has no designer menu, cannot open the editor, and reaches the read-only view from the 发起 page', async () => {
    await login('grid0101');
    expectThat((await page().getByRole('menuitem', { name: '流程设计' }).count()) === 0, 'grid0101 sees the designer menu');
    await page().goto(`${BASE_URL}/designer/process/${KEY}/edit`);
    await page().getByTestId('designer-forbidden').waitFor();
    expectThat((await page().getByTestId('bpmn-modeler').count()) === 0, 'the modeler is shown to a staff user');
    // the way staff find it: 查看流程定义 on the 发起 page's card (not the card itself, which opens the start form)
    await page().getByRole('menuitem', { name: '发起' }).click();
    await page().getByTestId(`definition-link-${KEY}`).click();
    await page().waitForURL(`**/designer/process/${KEY}?version=*`);
    await page().locator('[data-testid="bpmn-diagram"][data-state="ready"]').waitFor({ timeout: 30_000 });
    expectThat((await page().getByTestId('model-edit').count()) === 0, 'a staff user is offered the edit button');
  });
}

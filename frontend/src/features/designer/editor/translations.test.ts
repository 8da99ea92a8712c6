import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dmnTranslation, translateDom, translateModule, translateText } from './translations';

/** Every literal a dmn-js package passes to translate('...'), read from the installed sources. */
function translatedLiterals(pkg: string): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.js')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/translate\('((?:[^'\\]|\\.){2,80})'/g)) found.add(m[1]);
      }
    }
  };
  walk(resolve(__dirname, '../../../../node_modules', pkg, 'lib'));
  // "value" and e.g. {..} are sample inputs, not labels
  return [...found].filter((s) => !s.includes('"') && !s.includes('\\'));
}

describe('dmn-js labels', () => {
  it.each(['dmn-js-decision-table', 'dmn-js-drd', 'dmn-js-literal-expression'])('every label of %s has a Chinese text', (pkg) => {
    const labels = translatedLiterals(pkg);
    expect(labels.length).toBeGreaterThan(pkg === 'dmn-js-decision-table' ? 100 : 5);
    expect(labels.filter((label) => translateText(label, 'zh-CN') === label)).toEqual([]);
  });

  it('translates table headers, menus and the DRD palette through the translate service, English unchanged', () => {
    const zh = translateModule('zh-CN').translate[1] as (t: string, r?: Record<string, string>) => string;
    const en = translateModule('en').translate[1] as (t: string, r?: Record<string, string>) => string;
    expect(zh('Hit policy:')).toBe('命中策略：');
    expect(zh('Add rule below')).toBe('在下方添加规则');
    expect(zh('Remove input column')).toBe('删除输入列');
    expect(zh('Create decision')).toBe('创建决策');
    expect(zh('Literal expression editor')).toBe('字面量表达式编辑器');
    expect(zh('Expression language: {expressionLanguageLabel}', { expressionLanguageLabel: 'FEEL' })).toBe('表达式语言：FEEL');
    expect(en('Add rule below')).toBe('Add rule below');
  });
});

describe('dmn-js decision table in the editor', () => {
  const dmn = readFileSync(resolve(__dirname, '../../../../../processes/src/main/resources/dmn/grid-event-routing.dmn'), 'utf8');

  async function table(language: string) {
    const { default: DmnModeler } = await import('dmn-js/lib/Modeler');
    const container = document.createElement('div');
    document.body.appendChild(container);
    const modeler = new DmnModeler({ container, ...dmnTranslation(language) }) as {
      importXML(xml: string): Promise<unknown>;
      getViews(): { type: string }[];
      open(view: unknown): Promise<unknown>;
      destroy(): void;
    };
    await modeler.importXML(dmn);
    const view = modeler.getViews().find((v) => v.type === 'decisionTable');
    await modeler.open(view);
    return { container, modeler };
  }

  it('shows the table header in Chinese', { timeout: 60000 }, async () => {
    const { container, modeler } = await table('zh-CN');
    const text = container.textContent ?? '';
    expect(text).toContain('命中策略');
    expect(text).toContain('当');
    expect(text).toContain('注释');
    expect(text).not.toContain('Hit policy');
    modeler.destroy();
  });

  it('stays English when the app is in English', { timeout: 60000 }, async () => {
    const { container, modeler } = await table('en');
    expect(container.textContent).toContain('Hit policy');
    modeler.destroy();
  });
});

describe('form-js editor labels', () => {
  // Preact (inside form-js) runs its effects after the next frame or after 100 ms; let those finish while jsdom
  // is still there, or they call requestAnimationFrame after the environment is torn down.
  afterAll(() => new Promise((done) => setTimeout(done, 300)));

  // jsdom has no IntersectionObserver; the properties panel only uses it to track scrolling
  beforeAll(async () => {
    // the editor bundle is large: loaded once here, not inside a test's time budget
    await import('@bpmn-io/form-js');
    globalThis.IntersectionObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
      takeRecords() {
        return [];
      }
    } as unknown as typeof IntersectionObserver;
  }, 60000);

  async function formEditor(language: string) {
    const { FormEditor } = await import('@bpmn-io/form-js');
    const container = document.createElement('div');
    document.body.appendChild(container);
    const stop = translateDom(container, language);
    const editor = new FormEditor({ container });
    await editor.importSchema({
      type: 'default',
      id: 'f',
      components: [{ type: 'textfield', key: 'note', label: 'Key' }],
    });
    await new Promise((r) => setTimeout(r, 50));
    return { container, stop, editor };
  }

  it('shows the palette and the properties panel in Chinese, but leaves the designed form alone', { timeout: 40000 }, async () => {
    const { container, stop, editor } = await formEditor('zh-CN');
    const text = container.textContent ?? '';
    expect(text).toContain('组件');
    expect(text).toContain('文本框');
    expect(text).toContain('下拉选择');
    expect(container.querySelector('.fjs-palette-search')?.getAttribute('placeholder')).toBe('搜索组件');
    // the form field's own label "Key" is the designer's content
    expect(container.querySelector('.fjs-form-field label')?.textContent).toContain('Key');
    // a later render (selecting the field opens its properties) is translated as well
    (editor.get('selection') as { set(f: unknown): void }).set(
      (editor.get('formFieldRegistry') as { getAll(): { type: string }[] }).getAll().find((f) => f.type === 'textfield'),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(container.querySelector('.fjs-properties-panel')?.textContent).toMatch(/常规[\s\S]*字段标签/);
    stop();
    editor.destroy();
  });

  it('stays English when the app is in English', { timeout: 40000 }, async () => {
    const { container, stop, editor } = await formEditor('en');
    expect(container.textContent).toContain('Components');
    expect(container.textContent).not.toContain('组件');
    stop();
    editor.destroy();
  });
});

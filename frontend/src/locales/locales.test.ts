import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MENU_KEYS } from '@/features/auth/api/auth';
import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

// Features keep their texts in src/features/<feature>/locales (merged by src/lib/i18n.ts); check them too.
const featureLocales = import.meta.glob<Tree>('../features/*/locales/*.json', { eager: true, import: 'default' });

function withFeatureTexts(base: Tree, language: string): Tree {
  const merged: Tree = { ...base };
  for (const [path, messages] of Object.entries(featureLocales)) {
    if (path.endsWith(`/${language}.json`)) Object.assign(merged, messages);
  }
  return merged;
}

const zh = flatten(withFeatureTexts(zhCN as Tree, 'zh-CN'));
const enKeys = flatten(withFeatureTexts(en as Tree, 'en'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  it('every zh-CN key exists in en', () => {
    expect([...zh.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('every en key exists in zh-CN', () => {
    expect([...enKeys.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('has no empty texts', () => {
    expect([...zh].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
    expect([...enKeys].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([]);
  });

  it('uses the same interpolation placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const mismatched = [...zh].filter(([k, v]) => placeholders(v).join() !== placeholders(enKeys.get(k) ?? '').join());
    expect(mismatched.map(([k]) => k)).toEqual([]);
  });

  it('defines every key the code asks for literally', () => {
    // vitest runs from the frontend folder (where vite.config.ts is).
    const root = join(process.cwd(), 'src');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('defines the dynamically built keys (menus, SLA states, history types)', () => {
    const dynamic = [
      ...MENU_KEYS.map((k) => `menu.${k}`),
      ...['ON_TIME', 'NEAR_DUE', 'OVERDUE'].map((s) => `sla.${s}`),
      ...['START', 'TASK_CREATED', 'TASK_COMPLETED', 'AUTO_DISPATCH', 'CLAIM', 'ASSIGN', 'COMMENT', 'END'].map((s) => `history.types.${s}`),
      ...['string', 'number', 'boolean'].map((s) => `variables.types.${s}`),
    ];
    expect(dynamic.filter((k) => !zh.has(k) || !enKeys.has(k))).toEqual([]);
  });

  it('shows the required Chinese menu labels', () => {
    expect(MENU_KEYS.map((k) => zh.get(`menu.${k}`))).toEqual([
      '待办',
      '发起',
      '事件',
      '业委会',
      '政府购买服务',
      '选聘',
      '流程设计',
      '数据看板',
      '系统管理',
    ]);
  });
});

import { DMN_ZH } from './translationsDmn';
import { FORM_ZH } from './translationsForm';

// Chinese texts for the bpmn.io editors (palette, context pad, properties panel, lint overlays). bpmn-js asks its
// "translate" service for every label; English is the source text, so unknown strings simply stay English.
export const ZH: Record<string, string> = {
  // palette and context pad
  'Activate the hand tool': '激活抓手工具',
  'Activate the lasso tool': '激活套索工具',
  'Activate the create/remove space tool': '激活创建/删除空间工具',
  'Activate the global connect tool': '激活全局连接工具',
  'Create start event': '创建开始事件',
  'Create end event': '创建结束事件',
  'Create intermediate/boundary event': '创建中间/边界事件',
  'Create gateway': '创建网关',
  'Create task': '创建任务',
  'Create user task': '创建用户任务',
  'Create data object reference': '创建数据对象引用',
  'Create data store reference': '创建数据存储引用',
  'Create expanded sub-process': '创建展开的子流程',
  'Create pool/participant': '创建池/参与者',
  'Create group': '创建分组',
  'Append end event': '追加结束事件',
  'Append gateway': '追加网关',
  'Append task': '追加任务',
  'Append user task': '追加用户任务',
  'Append intermediate/boundary event': '追加中间/边界事件',
  'Append text annotation': '追加文本注释',
  'Change element': '更改元素类型',
  'Change type': '更改类型',
  'Connect using sequence/message flow or association': '用顺序流/消息流/关联连接',
  'Connect to other element': '连接到其他元素',
  Delete: '删除',
  Remove: '移除',
  'Search in diagram': '在图中搜索',
  'Add text annotation': '添加文本注释',
  // element types
  Task: '任务',
  'User task': '用户任务',
  'Service task': '服务任务',
  'Send task': '发送任务',
  'Receive task': '接收任务',
  'Manual task': '手工任务',
  'Business rule task': '业务规则任务',
  'Script task': '脚本任务',
  'Call activity': '调用活动',
  'Sub-process (collapsed)': '子流程（折叠）',
  'Sub-process (expanded)': '子流程（展开）',
  'Start event': '开始事件',
  'End event': '结束事件',
  'Exclusive gateway': '排他网关',
  'Parallel gateway': '并行网关',
  'Inclusive gateway': '包容网关',
  'Event-based gateway': '事件网关',
  'Sequence flow': '顺序流',
  'Default flow': '默认流',
  'Conditional flow': '条件流',
  'Timer start event': '定时开始事件',
  'Message start event': '消息开始事件',
  'Timer boundary event': '定时边界事件',
  // properties panel
  General: '常规',
  Name: '名称',
  ID: '编号',
  Documentation: '文档',
  'Element documentation': '元素文档',
  'Process documentation': '流程文档',
  Version: '版本',
  'Version tag': '版本标签',
  Executable: '可执行',
  'History cleanup': '历史清理',
  'Time to live': '保留时长',
  Implementation: '实现',
  Type: '类型',
  Expression: '表达式',
  'Delegate expression': '委托表达式',
  'Java class': 'Java 类',
  External: '外部任务',
  Topic: '主题',
  'Result variable': '结果变量',
  'User assignment': '人员分配',
  Assignee: '处理人',
  'Candidate groups': '候选组',
  'Candidate users': '候选用户',
  'Due date': '到期时间',
  'Follow up date': '跟进时间',
  Priority: '优先级',
  Form: '表单',
  Forms: '表单',
  'Form reference': '表单引用',
  'Form key': '表单键',
  Binding: '绑定方式',
  latest: '最新版本',
  deployment: '同一部署',
  version: '指定版本',
  Inputs: '输入',
  Outputs: '输出',
  'Input mapping': '输入映射',
  'Output mapping': '输出映射',
  'Execution listeners': '执行监听器',
  'Task listeners': '任务监听器',
  'Extension properties': '扩展属性',
  Condition: '条件',
  'Condition expression': '条件表达式',
  Timer: '定时器',
  'Timer definition': '定时器定义',
  'Timer definition type': '定时器类型',
  Date: '日期',
  Duration: '时长',
  Cycle: '周期',
  Message: '消息',
  'Global message reference': '全局消息引用',
  Asynchronous: '异步',
  'Asynchronous continuations': '异步延续',
  Before: '之前',
  After: '之后',
  Exclusive: '独占',
  'Job execution': '作业执行',
  'Retry time cycle': '重试周期',
  'Decision reference': '决策引用',
  Decision: '决策',
  'Called element': '被调用元素',
  'Start initiator': '发起人',
  Initiator: '发起人变量',
  'Multi-instance': '多实例',
  Variables: '变量',
  'Local variable name': '局部变量名',
  'Process variable name': '流程变量名',
  'Assignment type': '赋值类型',
  // lint overlays and GridFlow rules
  'Issues for child elements': '子元素的问题',
  'Toggle linting overlays': '切换检查结果显示',
  'Element is missing label/name': '元素缺少名称',
  'Process is missing start event': '流程缺少开始事件',
  'Process is missing end event': '流程缺少结束事件',
  'Element is not connected': '元素未连接',
  'Gateway forks and joins': '网关同时分支与汇合',
  'User task has no candidate group or assignee expression': '用户任务没有候选组或处理人表达式',
  'User task has no due date': '用户任务没有到期时间',
  'Service task names no delegate bean': '服务任务未指定委托 Bean',
  'Java classes are not allowed; use a delegate bean': '不允许使用 Java 类，请使用委托 Bean',
  'Script tasks are not allowed': '不允许使用脚本任务',
  'Scripted conditions are not allowed': '不允许使用脚本条件',
  'Inline scripts are not allowed': '不允许使用内联脚本',
  // token simulation
  'Token Simulation': '令牌模拟',
  'Toggle Simulation': '切换模拟',
  'Reset Simulation': '重置模拟',
  'Play/Pause Simulation': '播放/暂停模拟',
  // dmn-js decision tables
  'View DRD': '查看决策需求图',
  'Hit policy:': '命中策略：',
  'Hit Policy': '命中策略',
  When: '当',
  And: '且',
  Then: '则',
  Unique: '唯一',
  First: '首个',
  Any: '任意',
  Collect: '收集',
  'Rule order': '规则顺序',
  'Output order': '输出顺序',
  Annotations: '注释',
  'Add rule': '添加规则',
  'Add input': '添加输入',
  'Add output': '添加输出',
  // the rest of dmn-js (table menus, cell editors, DRD, literal expressions)
  ...DMN_ZH,
};

/** Messages with a variable tail ("Unknown delegate bean: x") are matched by prefix. */
const ZH_PREFIXES: [string, string][] = [
  ['Unknown delegate bean: ', '未知的委托 Bean：'],
  ['Form not found: ', '表单不存在：'],
];

export function translateText(text: string, language: string): string {
  if (language !== 'zh-CN') return text;
  if (ZH[text]) return ZH[text];
  for (const [prefix, zh] of ZH_PREFIXES) {
    if (text.startsWith(prefix)) return zh + text.slice(prefix.length);
  }
  return text;
}

/** A bpmn-js / dmn-js module replacing the stock "translate" service. */
export function translateModule(language: string) {
  const translate = (template: string, replacements?: Record<string, string>) =>
    translateText(template, language).replace(/{([^}]+)}/g, (_, key: string) => replacements?.[key] ?? `{${key}}`);
  return { translate: ['value', translate] };
}

/** Where the form editor shows the designer's own form: its texts are content, not labels to translate. */
const FORM_CONTENT = '.fjs-form-field, [contenteditable], input, textarea, select, .cm-editor';
const FORM_ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

/**
 * Translates the fixed English labels the form-js editor writes into its palette, canvas hints and properties
 * panel, now and whenever it renders again (a MutationObserver). English needs nothing: the labels are English.
 * @returns a function that stops translating
 */
export function translateDom(root: HTMLElement, language: string, dictionary: Record<string, string> = FORM_ZH): () => void {
  if (language !== 'zh-CN') return () => undefined;
  const lookup = (value: string): string | undefined => {
    const trimmed = value.trim();
    const zh = trimmed ? dictionary[trimmed] : undefined;
    return zh === undefined ? undefined : value.replace(trimmed, zh);
  };
  const translateElement = (element: Element) => {
    for (const name of FORM_ATTRIBUTES) {
      const value = element.getAttribute(name);
      const zh = value ? lookup(value) : undefined;
      if (zh !== undefined) element.setAttribute(name, zh);
    }
  };
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (!parent || parent.closest(FORM_CONTENT)) return;
      const zh = lookup(node.nodeValue ?? '');
      if (zh !== undefined) node.nodeValue = zh;
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.closest('.fjs-form-field')) return;
    translateElement(node);
    node.childNodes.forEach(visit);
  };
  visit(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach(visit);
      else if (record.type === 'characterData') visit(record.target);
      else if (record.target instanceof Element && !record.target.closest('.fjs-form-field')) translateElement(record.target);
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: FORM_ATTRIBUTES });
  return () => observer.disconnect();
}

/**
 * dmn-js options giving each view (DRD, decision table, literal and boxed expression) the translate module. Per
 * view, because dmn-js replaces the additionalModules of its "common" options with the view's own.
 */
export function dmnTranslation(language: string) {
  const translated = { additionalModules: [translateModule(language)] };
  return { drd: translated, decisionTable: translated, literalExpression: translated, boxedExpression: translated };
}

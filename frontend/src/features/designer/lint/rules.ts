// GridFlow's own bpmnlint rules (plugin "gridflow"). Messages are English keys; the modeler's translate module
// shows them in Chinese (see ../editor/translations.ts). The server enforces the safety ones again at deploy.

export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  get(name: string): unknown;
  $instanceOf?(type: string): boolean;
  $attrs?: Record<string, string>;
  [key: string]: unknown;
}

export interface Reporter {
  report(id: string | undefined, message: string, path?: string[]): void;
}

export interface RuleDefinition {
  check(node: ModdleElement, reporter: Reporter): void;
}

/** What the rules need to know about the server: allow-listed beans and deployed forms. */
export interface GridFlowRuleConfig {
  beans?: string[];
  forms?: string[];
}

function is(node: ModdleElement, type: string): boolean {
  return typeof node.$instanceOf === 'function' ? node.$instanceOf(type) : node.$type === type;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function extensionValues(node: ModdleElement): ModdleElement[] {
  const ext = node.get?.('extensionElements') as ModdleElement | undefined;
  return ((ext?.get?.('values') as ModdleElement[] | undefined) ?? []).filter(Boolean);
}

/** Every user task is offered to candidate groups or given an assignee expression, and has a due date. */
export function userTaskAssignment(): RuleDefinition {
  return {
    check(node, reporter) {
      if (!is(node, 'bpmn:UserTask')) return;
      const groups = text(node.get('camunda:candidateGroups'));
      const assignee = text(node.get('camunda:assignee'));
      if (!groups && !assignee) reporter.report(node.id, 'User task has no candidate group or assignee expression');
      if (!text(node.get('camunda:dueDate'))) reporter.report(node.id, 'User task has no due date');
    },
  };
}

/** The root identifier of a ${...} expression: a bean when it is not a process variable. */
export function expressionRoot(expression: string): string | undefined {
  const match = /^\s*[$#]\{\s*([A-Za-z_$][\w$]*)/.exec(expression);
  return match?.[1];
}

/** The engine's own expression functions: a service task may compute a value with them, no bean needed. */
const BUILT_IN_FUNCTIONS = new Set(['now', 'dateTime', 'currentUser', 'currentUserGroups']);

/** Whether an expression starts with a call of one of the engine's functions, e.g. ${dateTime().plusDays(3)}. */
export function callsBuiltInFunction(expression: string): boolean {
  const match = /^\s*[$#]\{\s*([A-Za-z_$][\w$]*)\s*\(/.exec(expression);
  return !!match && BUILT_IN_FUNCTIONS.has(match[1]);
}

/** Every service task calls a known delegate bean: ${bean} or ${bean.method(..)}; external tasks are fine. */
export function serviceTaskBean(config: GridFlowRuleConfig = {}): RuleDefinition {
  const beans = new Set(config.beans ?? []);
  return {
    check(node, reporter) {
      if (!is(node, 'bpmn:ServiceTask') && !is(node, 'bpmn:SendTask')) return;
      if (text(node.get('camunda:type')) === 'external') return;
      if (text(node.get('camunda:class'))) {
        reporter.report(node.id, 'Java classes are not allowed; use a delegate bean');
        return;
      }
      const expression = text(node.get('camunda:delegateExpression')) || text(node.get('camunda:expression'));
      if (!expression) {
        reporter.report(node.id, 'Service task names no delegate bean');
        return;
      }
      if (callsBuiltInFunction(expression)) return;
      const root = expressionRoot(expression);
      if (!root || !beans.has(root)) reporter.report(node.id, `Unknown delegate bean: ${root ?? expression}`);
    },
  };
}

/** No script tasks, script listeners or mappings, scripted conditions. */
export function noScript(): RuleDefinition {
  return {
    check(node, reporter) {
      if (is(node, 'bpmn:ScriptTask')) {
        reporter.report(node.id, 'Script tasks are not allowed');
        return;
      }
      if (is(node, 'bpmn:SequenceFlow')) {
        const condition = node.get('conditionExpression') as ModdleElement | undefined;
        if (condition && text(condition.get('language'))) {
          reporter.report(node.id, 'Scripted conditions are not allowed');
        }
      }
      if (!node.get || !node.id) return;
      const scripted = (value: unknown): boolean => {
        if (!value || typeof value !== 'object') return false;
        const element = value as ModdleElement;
        if (element.$type === 'camunda:Script') return true;
        for (const key of ['script', 'definition', 'inputParameters', 'outputParameters', 'inputOutput'] as const) {
          const child = element[key] ?? (typeof element.get === 'function' ? safeGet(element, key) : undefined);
          if (Array.isArray(child) ? child.some(scripted) : scripted(child)) return true;
        }
        return false;
      };
      if (extensionValues(node).some(scripted)) reporter.report(node.id, 'Inline scripts are not allowed');
    },
  };
}

function safeGet(element: ModdleElement, key: string): unknown {
  try {
    return element.get(key);
  } catch {
    return undefined;
  }
}

/** Every camunda:formRef names a deployed form (or one being deployed). */
export function formExists(config: GridFlowRuleConfig = {}): RuleDefinition {
  const forms = new Set(config.forms ?? []);
  return {
    check(node, reporter) {
      if (!is(node, 'bpmn:UserTask') && !is(node, 'bpmn:StartEvent')) return;
      const ref = text(node.get('camunda:formRef'));
      if (ref && !ref.includes('${') && !forms.has(ref)) reporter.report(node.id, `Form not found: ${ref}`);
    },
  };
}

export const GRIDFLOW_RULES = {
  'user-task-assignment': userTaskAssignment,
  'service-task-bean': serviceTaskBean,
  'no-script': noScript,
  'form-exists': formExists,
} as const;

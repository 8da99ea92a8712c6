import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import global from 'bpmnlint/rules/global';
import labelRequired from 'bpmnlint/rules/label-required';
import linkEvent from 'bpmnlint/rules/link-event';
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import superfluousLabel from 'bpmnlint/rules/superfluous-label';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination';
import { GRIDFLOW_RULES, type GridFlowRuleConfig } from './rules';

type RuleFactory = (config?: unknown) => unknown;

// bpmnlint resolves rules by package; in the browser there is no require(), so every rule is registered here
// (what bpmnlint-loader would generate for a bundler).
const RULES: Record<string, RuleFactory> = {
  'bpmnlint/ad-hoc-sub-process': adHocSubProcess,
  'bpmnlint/conditional-flows': conditionalFlows,
  'bpmnlint/end-event-required': endEventRequired,
  'bpmnlint/event-based-gateway': eventBasedGateway,
  'bpmnlint/event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'bpmnlint/fake-join': fakeJoin,
  'bpmnlint/global': global,
  'bpmnlint/label-required': labelRequired,
  'bpmnlint/link-event': linkEvent,
  'bpmnlint/no-bpmndi': noBpmndi,
  'bpmnlint/no-complex-gateway': noComplexGateway,
  'bpmnlint/no-disconnected': noDisconnected,
  'bpmnlint/no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'bpmnlint/no-gateway-join-fork': noGatewayJoinFork,
  'bpmnlint/no-implicit-split': noImplicitSplit,
  'bpmnlint/no-implicit-end': noImplicitEnd,
  'bpmnlint/no-implicit-start': noImplicitStart,
  'bpmnlint/no-inclusive-gateway': noInclusiveGateway,
  'bpmnlint/no-overlapping-elements': noOverlappingElements,
  'bpmnlint/single-blank-start-event': singleBlankStartEvent,
  'bpmnlint/single-event-definition': singleEventDefinition,
  'bpmnlint/start-event-required': startEventRequired,
  'bpmnlint/sub-process-blank-start-event': subProcessBlankStartEvent,
  'bpmnlint/superfluous-gateway': superfluousGateway,
  'bpmnlint/superfluous-label': superfluousLabel,
  'bpmnlint/superfluous-termination': superfluousTermination,
};
for (const [name, factory] of Object.entries(GRIDFLOW_RULES)) {
  RULES[`bpmnlint-plugin-gridflow/${name}`] = factory as RuleFactory;
}

/**
 * bpmnlint's "recommended" set, as its config/recommended.js has it, except two rules GridFlow shows as warnings
 * (they never block a deployment): label-required, since the blank start and end events of an embedded
 * sub-process need no name, and no-gateway-join-fork, since grid-event's satisfaction gateway both joins the
 * reopened paths and decides, which the engine executes correctly.
 */
const RECOMMENDED: Record<string, string> = {
  'ad-hoc-sub-process': 'error',
  'conditional-flows': 'error',
  'end-event-required': 'error',
  'event-based-gateway': 'error',
  'event-sub-process-typed-start-event': 'error',
  'fake-join': 'warn',
  global: 'warn',
  'label-required': 'warn',
  'link-event': 'error',
  'no-bpmndi': 'error',
  'no-complex-gateway': 'error',
  'no-disconnected': 'error',
  'no-duplicate-sequence-flows': 'error',
  'no-gateway-join-fork': 'warn',
  'no-implicit-split': 'error',
  'no-implicit-end': 'error',
  'no-implicit-start': 'error',
  'no-inclusive-gateway': 'warn',
  'no-overlapping-elements': 'warn',
  'single-blank-start-event': 'error',
  'single-event-definition': 'error',
  'start-event-required': 'error',
  'sub-process-blank-start-event': 'error',
  'superfluous-gateway': 'warn',
  'superfluous-label': 'warn',
  'superfluous-termination': 'warn',
};

export const resolver = {
  resolveRule(pkg: string, ruleName: string): RuleFactory {
    const rule = RULES[`${pkg}/${ruleName}`];
    if (!rule) throw new Error(`unknown lint rule ${pkg}/${ruleName}`);
    return rule;
  },
  resolveConfig(pkg: string, configName: string): never {
    throw new Error(`unknown lint config ${pkg}/${configName}`);
  },
};

/** The lint configuration: recommended rules plus GridFlow's, which need the server's beans and forms. */
export function lintConfig(context: GridFlowRuleConfig) {
  return {
    rules: {
      ...RECOMMENDED,
      'gridflow/user-task-assignment': 'error',
      'gridflow/service-task-bean': ['error', context],
      'gridflow/no-script': 'error',
      'gridflow/form-exists': ['error', context],
    },
  };
}

/** For bpmn-js-bpmnlint's `linting.bpmnlint` option. */
export function bpmnlintOption(context: GridFlowRuleConfig) {
  return { config: lintConfig(context), resolver };
}

export interface LintIssue {
  rule: string;
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
}

/** Lints BPMN XML outside the modeler (tests; the same rules and config the modeler shows). */
export async function lintXml(xml: string, context: GridFlowRuleConfig): Promise<LintIssue[]> {
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  const { rootElement } = await moddle.fromXML(xml);
  const linter = new Linter({ config: lintConfig(context), resolver });
  const results = (await linter.lint(rootElement)) as Record<string, { id: string; message: string; category: string }[]>;
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((r) => ({ rule, id: r.id, message: r.message, category: r.category as LintIssue['category'] })),
  );
}

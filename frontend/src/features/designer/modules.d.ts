// Type stubs for the bpmn.io packages the designer uses that ship no TypeScript declarations.
declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(root: unknown): Promise<unknown>;
  }
}
declare module 'bpmnlint/rules/*' {
  const factory: (config?: unknown) => unknown;
  export default factory;
}
declare module 'bpmn-moddle' {
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, type?: string): Promise<{ rootElement: unknown; warnings: unknown[] }>;
  }
}
declare module 'bpmn-js-bpmnlint' {
  const module: unknown;
  export default module;
}
declare module 'bpmn-js-token-simulation' {
  const module: unknown;
  export default module;
}
declare module 'bpmn-js/lib/Modeler' {
  const Modeler: new (options: Record<string, unknown>) => unknown;
  export default Modeler;
}
declare module 'dmn-js/lib/Modeler' {
  const DmnModeler: new (options: Record<string, unknown>) => unknown;
  export default DmnModeler;
}
declare module 'camunda-bpmn-moddle/resources/camunda.json' {
  const descriptor: Record<string, unknown>;
  export default descriptor;
}
declare module 'dmn-js/lib/Viewer' {
  const DmnViewer: new (options: Record<string, unknown>) => unknown;
  export default DmnViewer;
}
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: unknown;
  export const BpmnPropertiesProviderModule: unknown;
  export const CamundaPlatformPropertiesProviderModule: unknown;
}

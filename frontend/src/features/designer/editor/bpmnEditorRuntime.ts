// Loaded only through dynamic import: the modeler, its panels and stylesheets stay out of the initial bundle.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';

export { default as Modeler } from 'bpmn-js/lib/Modeler';
export {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
export { default as camundaModdle } from 'camunda-bpmn-moddle/resources/camunda.json';
export { default as lintModule } from 'bpmn-js-bpmnlint';
export { default as tokenSimulationModule } from 'bpmn-js-token-simulation';
export { bpmnlintOption } from '../lint/config';

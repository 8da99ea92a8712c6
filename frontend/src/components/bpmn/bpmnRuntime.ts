// Loaded only through dynamic import, so bpmn-js and its stylesheets stay out of the initial bundle.
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import './BpmnDiagram.css';

export { default as NavigatedViewer } from 'bpmn-js/lib/NavigatedViewer';

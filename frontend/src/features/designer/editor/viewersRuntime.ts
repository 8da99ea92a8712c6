// Loaded only through dynamic import: read-only DMN and form views.
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import '@bpmn-io/form-js/dist/assets/form-js.css';

export { default as DmnViewer } from 'dmn-js/lib/Viewer';
export { Form } from '@bpmn-io/form-js';

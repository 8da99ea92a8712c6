// Loaded only through dynamic import, so form-js and its stylesheet stay out of the initial bundle.
import '@bpmn-io/form-js/dist/assets/form-js.css';

export { Form } from '@bpmn-io/form-js';
export { localizedValidationModule } from './formJsMessages';

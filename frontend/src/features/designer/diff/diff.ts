import { BpmnModdle } from 'bpmn-moddle';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';

export interface PropertyChange {
  property: string;
  before: string | undefined;
  after: string | undefined;
}

export interface ElementChange {
  id: string;
  type: string;
  name: string | undefined;
  changes: PropertyChange[];
}

export interface ModelDiff {
  added: ElementChange[];
  removed: ElementChange[];
  changed: ElementChange[];
}

interface Element {
  $type: string;
  id?: string;
  name?: string;
  $attrs?: Record<string, string>;
  [key: string]: unknown;
}

// Containment lists whose members are compared as elements of their own, and back-references.
const SKIP = new Set(['flowElements', 'artifacts', 'laneSets', 'lanes', 'incoming', 'outgoing', 'flowNodeRef', 'di', 'participants', 'messageFlows', 'rootElements', 'diagrams']);

const REFERENCES = ['sourceRef', 'targetRef', 'attachedToRef', 'default'];

function isElement(value: unknown): value is Element {
  return typeof value === 'object' && value !== null && typeof (value as Element).$type === 'string';
}

/** The element's own properties as flat "path → text", references by id, children without an id inlined. */
function flatten(element: Element, prefix: string, out: Map<string, string>) {
  for (const [name, value] of Object.entries(element)) {
    if (name.startsWith('$') || SKIP.has(name) || value === undefined || value === null) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (isElement(item) && item.id && !prefix && name !== 'eventDefinitions') out.set(`${path}[${i}]`, item.id);
        else if (isElement(item)) flatten(item, `${path}[${i}]${item.$type ? `<${item.$type}>` : ''}`, out);
        else out.set(`${path}[${i}]`, String(item));
      });
    } else if (isElement(value)) {
      // sourceRef, targetRef, attachedToRef, default … point at other elements: compare the id only.
      if (value.id && name.endsWith('Ref')) out.set(path, value.id);
      else if (value.id && name === 'default') out.set(path, value.id);
      else flatten(value, `${path}<${value.$type}>`, out);
    } else {
      out.set(path, String(value));
    }
  }
  // moddle keeps references to other elements off the enumerable properties
  if (!prefix) {
    for (const name of REFERENCES) {
      const ref = element[name];
      if (isElement(ref) && ref.id) out.set(name, ref.id);
    }
  }
  for (const [name, value] of Object.entries(element.$attrs ?? {})) {
    if (!name.startsWith('xmlns')) out.set(prefix ? `${prefix}.${name}` : name, value);
  }
}

function collect(element: Element, out: Map<string, Element>) {
  if (element.id && !element.$type.startsWith('bpmndi:') && element.$type !== 'bpmn:Definitions') out.set(element.id, element);
  for (const name of ['rootElements', 'flowElements', 'artifacts', 'laneSets', 'lanes', 'participants', 'messageFlows']) {
    const children = element[name];
    if (Array.isArray(children)) children.filter(isElement).forEach((c) => collect(c, out));
  }
}

async function elementsOf(xml: string): Promise<Map<string, Element>> {
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  const { rootElement } = await moddle.fromXML(xml);
  const out = new Map<string, Element>();
  collect(rootElement as Element, out);
  return out;
}

function describe(element: Element, changes: PropertyChange[] = []): ElementChange {
  return { id: element.id ?? '', type: element.$type.replace(/^bpmn:/, ''), name: element.name, changes };
}

/** Which elements (by id) a newer version added, removed or changed, and which properties changed. */
export async function diffModels(beforeXml: string, afterXml: string): Promise<ModelDiff> {
  const [before, after] = await Promise.all([elementsOf(beforeXml), elementsOf(afterXml)]);
  const diff: ModelDiff = { added: [], removed: [], changed: [] };
  for (const [id, element] of after) {
    const old = before.get(id);
    if (!old) {
      diff.added.push(describe(element));
      continue;
    }
    const a = new Map<string, string>();
    const b = new Map<string, string>();
    flatten(old, '', b);
    flatten(element, '', a);
    if (old.$type !== element.$type) b.set('type', old.$type), a.set('type', element.$type);
    const changes: PropertyChange[] = [];
    for (const property of new Set([...b.keys(), ...a.keys()])) {
      if (b.get(property) !== a.get(property)) changes.push({ property, before: b.get(property), after: a.get(property) });
    }
    if (changes.length) diff.changed.push(describe(element, changes.sort((x, y) => x.property.localeCompare(y.property))));
  }
  for (const [id, element] of before) if (!after.has(id)) diff.removed.push(describe(element));
  return diff;
}

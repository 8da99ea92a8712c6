import { describe, expect, it } from 'vitest';
import { diffModels } from './diff';

const model = (tasks: string, flows = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${tasks}
    ${flows}
  </bpmn:process>
</bpmn:definitions>`;

describe('diffModels', () => {
  it('finds added, removed and changed elements with the changed properties', async () => {
    const before = model(
      '<bpmn:userTask id="dispatch" name="受理分拨" camunda:candidateGroups="sgc-dispatcher" /><bpmn:task id="old" name="旧" />',
      '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="dispatch" />',
    );
    const after = model(
      '<bpmn:userTask id="dispatch" name="分拨" camunda:candidateGroups="sgc-supervisor" camunda:dueDate="${d}" /><bpmn:task id="new" name="新" />',
      '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="new" />',
    );
    const diff = await diffModels(before, after);
    expect(diff.added.map((e) => e.id)).toEqual(['new']);
    expect(diff.removed.map((e) => e.id)).toEqual(['old']);
    const dispatch = diff.changed.find((e) => e.id === 'dispatch');
    expect(dispatch?.changes).toEqual([
      { property: 'candidateGroups', before: 'sgc-dispatcher', after: 'sgc-supervisor' },
      { property: 'dueDate', before: undefined, after: '${d}' },
      { property: 'name', before: '受理分拨', after: '分拨' },
    ]);
    expect(diff.changed.find((e) => e.id === 'f1')?.changes).toEqual([{ property: 'targetRef', before: 'dispatch', after: 'new' }]);
    expect(diff.changed.map((e) => e.id).sort()).toEqual(['dispatch', 'f1']);
  });

  it('reports nothing for the same model', async () => {
    const xml = model('<bpmn:userTask id="dispatch" name="受理分拨" />');
    expect(await diffModels(xml, xml)).toEqual({ added: [], removed: [], changed: [] });
  });
});

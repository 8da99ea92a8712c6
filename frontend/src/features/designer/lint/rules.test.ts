import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintXml, type LintIssue } from './config';

const context = { beans: ['groups', 'counter', 'supervision', 'computeDueDates'], forms: ['grid-event-triage'] };

function model(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  id="defs" targetNamespace="gridflow-test">
  <bpmn:process id="p" name="测试" isExecutable="true">
    <bpmn:startEvent id="start" name="开始"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
    ${body}
    <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
    <bpmn:endEvent id="end" name="结束"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="pl" bpmnElement="p">
    <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="work_di" bpmnElement="work"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="400" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="400" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

const flows = '<bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>';
const userTask = (attrs: string, inner = '') => model(`<bpmn:userTask id="work" name="办理" ${attrs}>${inner}${flows}</bpmn:userTask>`);
const serviceTask = (attrs: string) => model(`<bpmn:serviceTask id="work" name="自动" ${attrs}>${flows}</bpmn:serviceTask>`);

const gridflow = (issues: LintIssue[], rule: string) =>
  issues.filter((i) => i.rule === `gridflow/${rule}`).map((i) => `${i.id}: ${i.message}`);

describe('gridflow/user-task-assignment', () => {
  it('trips on a user task without candidate group or assignee, and on one without due date', async () => {
    const issues = await lintXml(userTask(''), context);
    expect(gridflow(issues, 'user-task-assignment')).toEqual([
      'work: User task has no candidate group or assignee expression',
      'work: User task has no due date',
    ]);
  });
  it('passes with candidate groups and a due date, or an assignee expression and a due date', async () => {
    const due = 'camunda:dueDate="${slaDueAt}"';
    expect(gridflow(await lintXml(userTask(`camunda:candidateGroups="sgc-dispatcher" ${due}`), context), 'user-task-assignment')).toEqual([]);
    expect(gridflow(await lintXml(userTask(`camunda:assignee="\${initiator}" ${due}`), context), 'user-task-assignment')).toEqual([]);
  });
});

describe('gridflow/service-task-bean', () => {
  it('trips on an unknown bean, a Java class and a service task without delegate', async () => {
    expect(gridflow(await lintXml(serviceTask('camunda:delegateExpression="${notifications}"'), context), 'service-task-bean')).toEqual([
      'work: Unknown delegate bean: notifications',
    ]);
    expect(gridflow(await lintXml(serviceTask('camunda:class="com.example.Evil"'), context), 'service-task-bean')).toEqual([
      'work: Java classes are not allowed; use a delegate bean',
    ]);
    expect(gridflow(await lintXml(serviceTask(''), context), 'service-task-bean')).toEqual(['work: Service task names no delegate bean']);
  });
  it('passes for allow-listed beans, as delegate or method call, and for external tasks', async () => {
    expect(gridflow(await lintXml(serviceTask('camunda:delegateExpression="${computeDueDates}"'), context), 'service-task-bean')).toEqual([]);
    expect(gridflow(await lintXml(serviceTask('camunda:expression="${supervision.red(execution)}"'), context), 'service-task-bean')).toEqual([]);
    expect(gridflow(await lintXml(serviceTask('camunda:type="external" camunda:topic="sms"'), context), 'service-task-bean')).toEqual([]);
  });
  it("passes for a value computed with the engine's own functions, not for a bean-like name that is not one", async () => {
    expect(gridflow(await lintXml(serviceTask('camunda:expression="${dateTime().plusDays(3).toDate()}" camunda:resultVariable="d"'), context), 'service-task-bean')).toEqual([]);
    expect(gridflow(await lintXml(serviceTask('camunda:expression="${dateTime.plusDays(3)}"'), context), 'service-task-bean')).toEqual([
      'work: Unknown delegate bean: dateTime',
    ]);
  });
});

describe('gridflow/no-script', () => {
  it('trips on a script task, a script listener and a scripted condition', async () => {
    const scriptTask = model(`<bpmn:scriptTask id="work" name="脚本" scriptFormat="javascript"><bpmn:script>1</bpmn:script>${flows}</bpmn:scriptTask>`);
    expect(gridflow(await lintXml(scriptTask, context), 'no-script')).toEqual(['work: Script tasks are not allowed']);
    const listener = userTask(
      'camunda:candidateGroups="a" camunda:dueDate="${d}"',
      '<bpmn:extensionElements><camunda:taskListener event="create"><camunda:script scriptFormat="groovy">x</camunda:script></camunda:taskListener></bpmn:extensionElements>',
    );
    expect(gridflow(await lintXml(listener, context), 'no-script')).toEqual(['work: Inline scripts are not allowed']);
    const condition = model(`<bpmn:task id="work" name="办理">${flows}</bpmn:task>`).replace(
      '<bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />',
      '<bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" language="javascript">true</bpmn:conditionExpression></bpmn:sequenceFlow>',
    );
    expect(gridflow(await lintXml(condition, context), 'no-script')).toEqual(['f2: Scripted conditions are not allowed']);
  });
  it('passes for expression listeners and JUEL conditions', async () => {
    const listener = userTask(
      'camunda:candidateGroups="a" camunda:dueDate="${d}"',
      '<bpmn:extensionElements><camunda:taskListener event="create" expression="${counter.increment(task, \'n\')}" /></bpmn:extensionElements>',
    );
    expect(gridflow(await lintXml(listener, context), 'no-script')).toEqual([]);
  });
});

describe('gridflow/form-exists', () => {
  it('trips on a form that is not deployed and passes on one that is', async () => {
    const base = 'camunda:candidateGroups="a" camunda:dueDate="${d}" camunda:formRefBinding="latest"';
    expect(gridflow(await lintXml(userTask(`${base} camunda:formRef="no-such-form"`), context), 'form-exists')).toEqual([
      'work: Form not found: no-such-form',
    ]);
    expect(gridflow(await lintXml(userTask(`${base} camunda:formRef="grid-event-triage"`), context), 'form-exists')).toEqual([]);
  });
});

describe('the shipped models', () => {
  it('grid-event passes every error-level rule', async () => {
    const xml = readFileSync(resolve(__dirname, '../../../../../processes/src/main/resources/bpmn/grid-event.bpmn'), 'utf8');
    // the forms shipped next to it, and the process beans grid-event uses (the app takes both from the server)
    const forms = readdirSync(resolve(__dirname, '../../../../../processes/src/main/resources/forms')).map((f) => f.replace(/\.form$/, ''));
    const beans = ['groups', 'counter', 'supervision', 'computeDueDates', 'resolveLocation', 'notifyNonAdmission', 'requestRating', 'signClock',
      'slaTimers', 'coordination', 'reporterNotices', 'eventArchive', 'autoDispatch'];
    const errors = (await lintXml(xml, { beans, forms })).filter((i) => i.category === 'error');
    expect(errors).toEqual([]);
  });

  it('mode-switch passes every error-level rule', async () => {
    const xml = readFileSync(resolve(__dirname, '../../../../../processes/src/main/resources/bpmn/mode-switch.bpmn'), 'utf8');
    const forms = readdirSync(resolve(__dirname, '../../../../../processes/src/main/resources/forms')).map((f) => f.replace(/\.form$/, ''));
    const errors = (await lintXml(xml, { beans: ['modeSwitch'], forms })).filter((i) => i.category === 'error');
    expect(errors).toEqual([]);
  });
});

package cn.gridflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * grid-event after its deadlines were set (domain-spec §1.2 step 8, §1.6): an extension approved or refused, joint
 * coordination with parallel co-handling, and deadlines recomputed when the city switches mode (G5's second half).
 * Durations are natural time here (see {@link GridEventTest#registerStandIns}); an event reported on 2026-11-26 02:00Z
 * and sent to a department has sign P1D, resolve P5D, yellow at 80 %, 通报 5 days after red.
 */
@Deployment(resources = {
        "bpmn/grid-event.bpmn",
        "dmn/grid-matter-admission.dmn", "dmn/grid-event-routing.dmn", "dmn/grid-event-sla.dmn",
        "forms/grid-event-report.form", "forms/grid-event-triage.form", "forms/grid-event-dispatch.form",
        "forms/grid-event-resolve.form", "forms/grid-event-verify.form", "forms/grid-event-sign.form",
        "forms/grid-event-assess.form", "forms/grid-event-extension-approve.form", "forms/grid-event-coordinate.form",
        "forms/grid-event-cohandle.form", "forms/grid-event-first-check.form"})
class GridEventDeadlinesTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    final List<String> ladder = new ArrayList<>();
    final List<String> reporterNotices = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        advanceTo("2026-11-26T02:00:00Z");
        GridEventTest.registerStandIns(new ArrayList<>(), new ArrayList<>(), ladder, reporterNotices, new ArrayList<>());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private static ProcessInstance departmentEvent(String category) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("grid-event", "EV-20261126-00002", withVariables(
                "gridId", "G0101", "category", category, "urgency", "ROUTINE", "description", "餐馆油烟扰民",
                "source", "GRID_PATROL"));
        complete(task(pi), withVariables("category", category, "urgency", "ROUTINE", "canSelfResolve", false,
                "complex", false));
        // a category with a known department is dispatched by the system
        assertThat(pi).hasPassed("autoDispatch").isWaitingAt("signOrReturn");
        return pi;
    }

    private static ProcessInstance signedByEnforcement() {
        ProcessInstance pi = departmentEvent("ENV_CLUTTER");
        complete(task(pi), withVariables("signDecision", "SIGN"));
        assertThat(pi).isWaitingAt("deptHandle");
        return pi;
    }

    private static void advanceTo(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
        for (Job job : managementService().createJobQuery().executable().list()) {
            execute(job);
        }
    }

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }

    private static Task openTask(ProcessInstance pi, String key) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    private static Date timerDue(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult()
                .getDuedate();
    }

    private static Object variable(ProcessInstance pi, String name) {
        return runtimeService().getVariable(pi.getId(), name);
    }

    private static void requestExtension(ProcessInstance pi, int workdays) {
        runtimeService().createMessageCorrelation("MSG_EXTENSION_REQUESTED").processInstanceId(pi.getId())
                .setVariable("extensionWorkdays", workdays).setVariable("extensionReason", "需业主配合，入户整改")
                .setVariable("extensionUsed", true).correlate();
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineTheTaskAndTheLadderAndTellsTheReporter() {
        ProcessInstance pi = signedByEnforcement();
        assertThat(variable(pi, "slaDueAt")).isEqualTo(at("2026-12-01T02:00:00Z"));

        advanceTo("2026-11-28T02:00:00Z");
        requestExtension(pi, 3);
        assertThat(pi).isWaitingAt("deptHandle", "approveExtension");
        assertThat(openTask(pi, "approveExtension")).hasCandidateGroup("sgc-supervisor");

        complete(openTask(pi, "approveExtension"), withVariables("extensionDecision", "APPROVE"));
        assertThat(pi).hasPassed("extendDeadline", "deadlineExtended").isWaitingAt("deptHandle");
        assertThat(variable(pi, "slaDueAt")).isEqualTo(at("2026-12-04T02:00:00Z"));
        assertThat(variable(pi, "yellowAt")).isEqualTo(at("2026-12-02T11:36:00Z")); // 80 % of 8 days
        assertThat(variable(pi, "level3At")).isEqualTo(at("2026-12-09T02:00:00Z"));
        assertThat(openTask(pi, "deptHandle").getDueDate()).isEqualTo(at("2026-12-04T02:00:00Z"));
        assertThat(timerDue(pi, "redLight")).isEqualTo(at("2026-12-04T02:00:00Z"));
        assertThat(timerDue(pi, "yellowLight")).isEqualTo(at("2026-12-02T11:36:00Z"));
        assertThat(reporterNotices).containsExactly("EXTENSION_GRANTED 3");

        advanceTo("2026-12-01T02:01:00Z"); // the old deadline passes without a red light
        assertThat(ladder).noneMatch(step -> step.startsWith("RED"));
        assertThat(variable(pi, "slaBreached")).isEqualTo(false);

        advanceTo("2026-12-04T02:01:00Z");
        assertThat(ladder).contains("RED sgc-supervisor");
        assertThat(variable(pi, "slaBreached")).isEqualTo(true);
    }

    @Test
    void aRefusedExtensionLeavesEveryDeadlineAsItWas() {
        ProcessInstance pi = signedByEnforcement();
        requestExtension(pi, 10);
        complete(openTask(pi, "approveExtension"), withVariables("extensionDecision", "REJECT",
                "extensionDecisionNote", "事项简单，按期办结"));

        assertThat(pi).hasPassed("extensionRefused").hasNotPassed("extendDeadline").isWaitingAt("deptHandle");
        assertThat(variable(pi, "slaDueAt")).isEqualTo(at("2026-12-01T02:00:00Z"));
        assertThat(timerDue(pi, "redLight")).isEqualTo(at("2026-12-01T02:00:00Z"));
        assertThat(reporterNotices).isEmpty();
    }

    @Test
    void jointCoordinationStartsCoHandlingAndVerificationWaitsForEveryDepartment() {
        ProcessInstance pi = signedByEnforcement();
        runtimeService().createMessageCorrelation("MSG_COORDINATION_REQUESTED").processInstanceId(pi.getId())
                .setVariable("coordinationReason", "涉及占道经营与食品安全，需市场监管和住建协同").correlate();
        assertThat(pi).hasPassed("raiseCoordination").isWaitingAt("deptHandle", "jointCoordination");
        assertThat(openTask(pi, "jointCoordination")).hasCandidateGroup("sgc-supervisor");

        // the lead department in the list is ignored: it is not its own co-handler
        complete(openTask(pi, "jointCoordination"), withVariables("coDepts", "[\"MARKET\",\"HOUSING\",\"ENFORCE\"]",
                "coordinationNote", "执法局牵头，市场监管、住建三日内反馈"));
        List<Task> coHandling = taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("coHandle").list();
        assertThat(coHandling).hasSize(2);
        assertThat(coHandling).extracting(Task::getDueDate).containsOnly(at("2026-12-01T02:00:00Z"));
        assertThat(taskQuery().processInstanceId(pi.getId()).taskCandidateGroup("dept-handler:MARKET").count()).isOne();
        assertThat(taskQuery().processInstanceId(pi.getId()).taskCandidateGroup("dept-handler:HOUSING").count()).isOne();

        complete(openTask(pi, "deptHandle"), withVariables("resolutionNote", "已取缔占道经营"));
        assertThat(pi).isWaitingAt("coHandle").isNotWaitingAt("verifyOnSite");

        for (Task coTask : taskQuery().processInstanceId(pi.getId()).taskDefinitionKey("coHandle").list()) {
            complete(coTask, withVariables("coHandleNote", "已配合完成"));
        }
        assertThat(pi).isWaitingAt("verifyOnSite");
        complete(task(pi), withVariables("verifyResult", "PASS"));
        assertThat(pi).isEnded().hasPassed("coHandled").variables().containsEntry("closeType", "CLOSED_RESOLVED");
    }

    private static void switchMode(ProcessInstance pi, String mode) {
        runtimeService().createMessageCorrelation("MSG_MODE_CHANGED").processInstanceVariableEquals("communityId", "C01")
                .setVariable("cityMode", mode).correlateAll();
        // recomputing runs as a job of its own, so the switch itself stays quick for many events
        Job recompute = managementService().createJobQuery().processInstanceId(pi.getId()).activityId("redetermineSla")
                .singleResult();
        assertThat(recompute).isNotNull();
        execute(recompute);
    }

    @Test
    void g5AnOpenUnsignedEventGetsHalvedNaturalTimeDeadlinesWhenItsCommunitySwitchesToWar() {
        ProcessInstance pi = departmentEvent("FOOD");
        assertThat(openTask(pi, "signOrReturn")).hasCandidateGroup("dept-handler:MARKET");
        assertThat(variable(pi, "signDueAt")).isEqualTo(at("2026-11-27T02:00:00Z"));

        advanceTo("2026-11-26T04:00:00Z");
        switchMode(pi, "WAR");

        assertThat(pi).hasPassed("redetermineSla", "recomputeSla").isWaitingAt("signOrReturn");
        assertThat(pi).variables().containsEntry("cityMode", "WAR").containsEntry("calendar", "NATURAL")
                .containsEntry("signWithin", "PT12H").containsEntry("resolveWithin", "PT60H");
        assertThat(variable(pi, "signDueAt")).isEqualTo(at("2026-11-26T14:00:00Z"));
        assertThat(variable(pi, "slaDueAt")).isEqualTo(at("2026-11-28T14:00:00Z"));
        assertThat(openTask(pi, "signOrReturn").getDueDate()).isEqualTo(at("2026-11-26T14:00:00Z"));
        assertThat(timerDue(pi, "signOverdue")).isEqualTo(at("2026-11-26T14:00:00Z"));
        assertThat(timerDue(pi, "redLight")).isEqualTo(at("2026-11-28T14:00:00Z"));

        advanceTo("2026-11-26T14:01:00Z"); // the halved signing window ran out: back to dispatch
        assertThat(pi).isWaitingAt("dispatch");
    }

    @Test
    void anEventAlreadyBeingHandledKeepsTheEarlierOfItsOldAndNewDeadlines() {
        ProcessInstance pi = signedByEnforcement();

        switchMode(pi, "WAR"); // war deadlines are earlier: they apply
        assertThat(variable(pi, "slaDueAt")).isEqualTo(at("2026-11-28T14:00:00Z"));
        assertThat(openTask(pi, "deptHandle").getDueDate()).isEqualTo(at("2026-11-28T14:00:00Z"));

        switchMode(pi, "PEACE"); // peace again: work already under way keeps the earlier war deadline
        assertThat(pi).variables().containsEntry("cityMode", "PEACE");
        assertThat(variable(pi, "slaDueAt")).isEqualTo(at("2026-11-28T14:00:00Z"));
        assertThat(timerDue(pi, "redLight")).isEqualTo(at("2026-11-28T14:00:00Z"));
    }

    @Test
    void anEventNotYetTriagedTakesTheNewModeWhenItIsRouted() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("grid-event", "EV-20261126-00003", withVariables(
                "gridId", "G0101", "category", "FOOD", "urgency", "ROUTINE", "description", "油烟", "source",
                "GRID_PATROL"));
        runtimeService().createMessageCorrelation("MSG_MODE_CHANGED").processInstanceVariableEquals("communityId", "C01")
                .setVariable("cityMode", "WAR").correlateAll();
        assertThat(pi).hasPassed("modeNoted").hasNotPassed("redetermineSla").isWaitingAt("verifyAndTriage");

        complete(task(pi), withVariables("category", "FOOD", "urgency", "ROUTINE", "canSelfResolve", false,
                "complex", false));
        assertThat(pi).variables().containsEntry("resolveWithin", "PT60H").containsEntry("calendar", "NATURAL");
    }
}

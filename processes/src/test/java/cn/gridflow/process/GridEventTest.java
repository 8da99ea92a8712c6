package cn.gridflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * grid-event, stage 1 of domain-spec §1.2: admission → triage → DMN routing and SLA → grid / community /
 * department / emergency handling → verification with rework. Scenario names follow §1.9.
 */
@Deployment(resources = {
        "bpmn/grid-event.bpmn",
        "dmn/grid-matter-admission.dmn", "dmn/grid-event-routing.dmn", "dmn/grid-event-sla.dmn",
        "forms/grid-event-report.form", "forms/grid-event-triage.form", "forms/grid-event-dispatch.form",
        "forms/grid-event-resolve.form", "forms/grid-event-verify.form"})
class GridEventTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    final List<String> nonAdmissionNotices = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T02:00:00Z")));
        Mocks.register("groups", new Groups());
        Mocks.register("counter", new Counter());
        // Stand in for the backend's org lookup and calendar: G0101 lies in community C01, peace mode,
        // durations counted as natural time (the working-day calendar has its own tests).
        Mocks.register("resolveLocation", (JavaDelegate) execution -> {
            if ("G0101".equals(execution.getVariable("gridId"))) {
                execution.setVariable("communityId", "C01");
            }
            execution.setVariable("cityMode", "PEACE");
            execution.setVariable("reportDate", ClockUtil.getCurrentTime());
        });
        Mocks.register("computeDueDates", (JavaDelegate) GridEventTest::naturalDueDates);
        Mocks.register("notifyNonAdmission", (JavaDelegate) execution ->
                nonAdmissionNotices.add((String) execution.getVariable("nonAdmissionAction")));
    }

    private static void naturalDueDates(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String sign = (String) execution.getVariable("signWithin");
        execution.setVariable("signDueAt", sign == null ? null : Date.from(now.plus(duration(sign))));
        execution.setVariable("slaDueAt", Date.from(now.plus(duration((String) execution.getVariable("resolveWithin")))));
        execution.setVariable("slaBreached", false);
    }

    private static Duration duration(String iso) {
        return iso.contains("T") ? Duration.parse(iso) : Duration.ofDays(Period.parse(iso).getDays());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance report(String category, String urgency) {
        return runtimeService().startProcessInstanceByKey("grid-event", "EV-20261126-00001", withVariables(
                "gridId", "G0101", "category", category, "urgency", urgency,
                "description", "楼道堆放杂物，影响通行", "source", "GRID_PATROL"));
    }

    private static Map<String, Object> triage(String category, String urgency, boolean selfResolve, boolean complex) {
        return withVariables("category", category, "urgency", urgency, "canSelfResolve", selfResolve,
                "complex", complex);
    }

    @Test
    void g1SelfResolvableClutterClosesInTheGridWithoutLeavingIt() {
        ProcessInstance pi = report("ENV_CLUTTER", "ROUTINE");

        assertThat(pi).hasPassed("resolveLocation", "checkAdmission").isWaitingAt("verifyAndTriage");
        assertThat(pi).variables().containsEntry("admitted", true).containsEntry("admissionItemCode", "GRID-L-04")
                .doesNotContainKey("admission");
        assertThat(task(pi)).hasCandidateGroup("grid-staff:G0101");

        complete(task(pi), triage("ENV_CLUTTER", "ROUTINE", true, false));
        assertThat(pi).hasPassed("routeEvent", "determineSla", "computeDueDates").isWaitingAt("resolveInGrid");
        assertThat(pi).variables().containsEntry("handlingLevel", "GRID").containsEntry("resolveWithin", "P1D")
                .containsEntry("calendar", "WORKDAY").containsEntry("slaBreached", false)
                .doesNotContainKey("routing").doesNotContainKey("sla");
        assertThat(task(pi).getDueDate()).isEqualTo(runtimeService().getVariable(pi.getId(), "slaDueAt"));

        complete(task(pi), withVariables("resolutionNote", "已清理楼道"));
        complete(task(pi), withVariables("verifyResult", "PASS"));
        assertThat(pi).isEnded().hasPassed("eventClosed").hasNotPassed("dispatch", "deptHandle", "resolveInCommunity");
        assertThat(pi).variables().containsEntry("closeType", "CLOSED_SELF_RESOLVED").containsEntry("verifyRound", 0);
    }

    @Test
    void g4ADepartmentsDataCollectionIsNotAGridMatter() {
        ProcessInstance pi = report("DEPT_DATA_FILLING", "ROUTINE");

        assertThat(pi).isEnded().hasPassed("notifyNonAdmission", "notAdmitted").hasNotPassed("verifyAndTriage");
        assertThat(pi).variables().containsEntry("admitted", false).containsEntry("nonAdmissionAction", "REJECT_EXPLAIN")
                .containsEntry("closeType", "NOT_ADMITTED");
        assertThat(nonAdmissionNotices).containsExactly("REJECT_EXPLAIN");
    }

    @Test
    void anUnlistedMatterIsReferredToItsDepartment() {
        ProcessInstance pi = report("OTHER", "ROUTINE");
        assertThat(pi).isEnded().hasPassed("notAdmitted");
        assertThat(nonAdmissionNotices).containsExactly("REFER_DEPT");
    }

    @Test
    void g2ADepartmentMatterIsDispatchedRedispatchedHandledAndReworkedAfterAFailedVerification() {
        ProcessInstance pi = report("FOOD", "ROUTINE");
        complete(task(pi), triage("FOOD", "ROUTINE", false, false));

        assertThat(pi).isWaitingAt("dispatch").variables().containsEntry("handlingLevel", "DEPT")
                .containsEntry("leadDept", "MARKET").containsEntry("signWithin", "P1D")
                .containsEntry("resolveWithin", "P5D").containsEntry("level3After", "P5D");
        assertThat(task(pi)).hasCandidateGroup("sgc-dispatcher");
        assertThat(task(pi).getDueDate()).isEqualTo(runtimeService().getVariable(pi.getId(), "signDueAt"));

        complete(task(pi), withVariables("leadDept", "ENFORCE"));
        assertThat(pi).isWaitingAt("deptHandle");
        assertThat(task(pi)).hasCandidateGroup("dept-handler:ENFORCE");
        complete(task(pi), withVariables("resolutionNote", "已责令整改"));

        complete(task(pi), withVariables("verifyResult", "FAIL"));
        assertThat(pi).isWaitingAt("deptHandle").variables().containsEntry("verifyRound", 1);
        assertThat(task(pi)).hasCandidateGroup("dept-handler:ENFORCE");

        complete(task(pi), withVariables("resolutionNote", "复查后已整改到位"));
        complete(task(pi), withVariables("verifyResult", "PASS"));
        assertThat(pi).isEnded().variables().containsEntry("closeType", "CLOSED_RESOLVED").containsEntry("verifyRound", 1);
    }

    @Test
    void aNeighbourDisputeTheGridCannotSettleGoesToTheCommunity() {
        ProcessInstance pi = report("DISPUTE", "ROUTINE");
        complete(task(pi), triage("DISPUTE", "ROUTINE", false, false));

        assertThat(pi).isWaitingAt("resolveInCommunity").variables().containsEntry("handlingLevel", "COMMUNITY")
                .containsEntry("signWithin", "PT4H").containsEntry("resolveWithin", "P3D");
        assertThat(task(pi)).hasCandidateGroup("community-staff:C01");
        complete(task(pi), withVariables("resolutionNote", "社区调解达成一致"));
        complete(task(pi), withVariables("verifyResult", "FAIL"));
        assertThat(pi).isWaitingAt("resolveInCommunity");
        complete(task(pi), withVariables("resolutionNote", "二次调解，双方签字"));
        complete(task(pi), withVariables("verifyResult", "PASS"));
        assertThat(pi).isEnded().variables().containsEntry("closeType", "CLOSED_RESOLVED");
    }

    @Test
    void anEmergencyGoesToEmergencyCommandWithTheDepartmentOfItsCategory() {
        ProcessInstance pi = report("DANGEROUS_HOUSE", "EMERGENCY");
        assertThat(task(pi).getPriority()).isEqualTo(90);
        complete(task(pi), triage("DANGEROUS_HOUSE", "EMERGENCY", false, false));

        assertThat(pi).isWaitingAt("dispatch").variables().containsEntry("handlingLevel", "EMERGENCY_CMD")
                .containsEntry("leadDept", "HOUSING").containsEntry("signWithin", "PT15M")
                .containsEntry("resolveWithin", "PT2H").containsEntry("calendar", "NATURAL");
        assertThat(task(pi)).hasCandidateGroup("emergency-command");
        complete(task(pi), withVariables("leadDept", "HOUSING"));
        complete(task(pi), withVariables("resolutionNote", "已疏散住户并设置警戒"));
        complete(task(pi), withVariables("verifyResult", "PASS"));
        assertThat(pi).isEnded().variables().containsEntry("closeType", "CLOSED_EMERGENCY");
    }

    @Test
    void aReportFromTheAppOrTheHotlineStartsTheSameLoopThroughItsMessage() {
        ProcessInstance pi = runtimeService().createMessageCorrelation("MSG_EVENT_REPORTED")
                .processInstanceBusinessKey("EV-20261126-00002")
                .setVariables(withVariables("gridId", "G0101", "category", "DISPUTE", "urgency", "ROUTINE",
                        "description", "楼上漏水引发纠纷", "source", "RESIDENT_APP"))
                .correlateStartMessage();

        assertThat(pi).hasPassed("eventReportedByMessage", "resolveLocation").isWaitingAt("verifyAndTriage");
        assertThat(pi).variables().containsEntry("communityId", "C01").containsEntry("verifyRound", 0);
        assertThat(task(pi)).hasCandidateGroup("grid-staff:G0101");
    }

    @Test
    void anEventWithoutAGridIsRefusedInsteadOfReachingNobody() {
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("grid-event",
                Map.of("category", "DISPUTE", "urgency", "ROUTINE", "description", "x", "gridId", "")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(taskService().createTaskQuery().count()).isZero();
    }
}

package cn.gridflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The minimal closed loop of grid-event: report → triage → handle → verify → close. */
@Deployment(resources = {
        "bpmn/grid-event.bpmn",
        "forms/grid-event-report.form", "forms/grid-event-triage.form", "forms/grid-event-dispatch.form",
        "forms/grid-event-resolve.form", "forms/grid-event-verify.form"})
class GridEventMinimalTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    @BeforeEach
    void registerBeans() {
        Mocks.register("groups", new Groups());
        Mocks.register("counter", new Counter());
        // Stands in for the backend's org lookup: G0101 lies in community C01.
        Mocks.register("resolveLocation", (JavaDelegate) execution -> {
            String gridId = (String) execution.getVariable("gridId");
            if ("G0101".equals(gridId)) {
                execution.setVariable("communityId", "C01");
            }
        });
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
    }

    private ProcessInstance report(String category) {
        return runtimeService().startProcessInstanceByKey("grid-event", "EV-20261127-00001", withVariables(
                "gridId", "G0101", "category", category, "urgency", "ROUTINE",
                "description", "楼道堆放杂物，影响通行", "source", "GRID_PATROL"));
    }

    @Test
    void selfResolvableEventClosesInTheGrid() {
        ProcessInstance pi = report("ENV_CLUTTER");

        assertThat(pi).isWaitingAt("verifyAndTriage").hasPassed("resolveLocation");
        assertThat(task(pi)).hasCandidateGroup("grid-staff:G0101").hasFormKey(null);
        assertThat(pi).variables().containsEntry("communityId", "C01");

        complete(task(pi), withVariables("category", "ENV_CLUTTER", "urgency", "ROUTINE", "canSelfResolve", true));
        assertThat(pi).isWaitingAt("resolveInGrid");
        assertThat(task(pi)).hasCandidateGroup("grid-staff:G0101");

        complete(task(pi), withVariables("resolutionNote", "已清理楼道"));
        assertThat(pi).isWaitingAt("verifyOnSite");
        complete(task(pi), withVariables("verifyResult", "PASS"));

        assertThat(pi).isEnded().hasPassed("eventClosed").hasNotPassed("dispatch", "deptHandle");
        assertThat(pi).variables().containsEntry("closeType", "CLOSED_SELF_RESOLVED").containsEntry("verifyRound", 0);
    }

    @Test
    void departmentHandlesWhatTheGridCannotAndReworksAfterAFailedVerification() {
        ProcessInstance pi = report("FOOD");
        complete(task(pi), withVariables("category", "FOOD", "urgency", "URGENT", "canSelfResolve", false));

        assertThat(pi).isWaitingAt("dispatch");
        assertThat(task(pi)).hasCandidateGroup("sgc-dispatcher");
        assertThat(task(pi).getPriority()).isEqualTo(70);
        complete(task(pi), withVariables("leadDept", "MARKET"));

        assertThat(pi).isWaitingAt("deptHandle");
        assertThat(task(pi)).hasCandidateGroup("dept-handler:MARKET");
        complete(task(pi), withVariables("resolutionNote", "已责令整改"));

        complete(task(pi), withVariables("verifyResult", "FAIL"));
        assertThat(pi).isWaitingAt("deptHandle").variables().containsEntry("verifyRound", 1);

        complete(task(pi), withVariables("resolutionNote", "复查后已整改到位"));
        complete(task(pi), withVariables("verifyResult", "PASS"));
        assertThat(pi).isEnded().hasPassed("eventClosed");
        assertThat(pi).variables().containsEntry("closeType", "CLOSED_RESOLVED").containsEntry("verifyRound", 1);
    }

    @Test
    void everyTaskCarriesADueDate() {
        ProcessInstance pi = report("DISPUTE");
        assertThat(task(pi).getDueDate()).isAfter(task(pi).getCreateTime());
        assertThat(pi).isWaitingAt("verifyAndTriage");
    }

    @Test
    void anEventWithoutAGridIsRefusedInsteadOfReachingNobody() {
        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("grid-event",
                Map.of("category", "DISPUTE", "urgency", "ROUTINE", "description", "x", "gridId", "")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(taskService().createTaskQuery().count()).isZero();
    }

    @Test
    void aReportFromTheAppOrTheHotlineStartsTheSameLoopThroughItsMessage() {
        ProcessInstance pi = runtimeService().createMessageCorrelation("MSG_EVENT_REPORTED")
                .processInstanceBusinessKey("EV-20261127-00002")
                .setVariables(withVariables("gridId", "G0101", "category", "DISPUTE", "urgency", "ROUTINE",
                        "description", "楼上漏水引发纠纷", "source", "RESIDENT_APP"))
                .correlateStartMessage();

        assertThat(pi).hasPassed("eventReportedByMessage", "resolveLocation").isWaitingAt("verifyAndTriage");
        assertThat(pi).variables().containsEntry("communityId", "C01").containsEntry("verifyRound", 0);
        assertThat(task(pi)).hasCandidateGroup("grid-staff:G0101");
    }
}

package cn.gridflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * grid-matter-admission-request (domain-spec §1.3): a department's item, once approved, is admitted by the next
 * version of the admission decision — a temporary one only until its end date; a refused one changes nothing.
 */
@Deployment(resources = {"bpmn/grid-matter-admission-request.bpmn", "bpmn/grid-matter-admission-review.bpmn",
        "dmn/grid-matter-admission.dmn",
        "forms/grid-matter-admission-request.form", "forms/grid-matter-admission-evaluate.form",
        "forms/grid-matter-admission-review.form"})
class AdmissionRequestTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    final List<String> recorded = new ArrayList<>();

    /** Stands in for the backend's published list and its notices. */
    public class AdmissionItems {
        public void record(DelegateExecution execution) {
            recorded.add("PUBLISHED " + execution.getVariable("admissionItemCode"));
        }

        public void rejected(DelegateExecution execution) {
            recorded.add("REJECTED " + execution.getVariable("categoryCode"));
        }
    }

    @BeforeEach
    void registerBeans() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T02:00:00Z")));
        Mocks.register("slaTimers", new SlaTimers(new GridEventTest.NaturalCalendar()));
        Mocks.register("admissionList", new AdmissionList());
        Mocks.register("admissionItems", new AdmissionItems());
    }

    @AfterEach
    void reset() {
        // the versions the process deployed are not part of the test's own deployment
        repositoryService().createDeploymentQuery().deploymentSource("grid-matter-admission-request").list()
                .forEach(d -> repositoryService().deleteDeployment(d.getId(), true));
        Mocks.reset();
        ClockUtil.reset();
    }

    private static ProcessInstance request(String category, boolean temporary, String validTo) {
        return runtimeService().startProcessInstanceByKey("grid-matter-admission-request", withVariables(
                "itemName", "汛期河道巡查", "categoryCode", category, "requestingDept", "EMERGENCY_MGMT",
                "legalBasis", "《防洪法》第四十二条", "workload", "每周一次，约 1 小时", "temporary", temporary,
                "validTo", validTo));
    }

    private static DmnDecisionResultEntries admission(String category, String reportedAt) {
        return decisionService().evaluateDecisionByKey("grid-matter-admission").variables(Map.of(
                "category", category, "source", "GRID_PATROL", "reportDate", Date.from(Instant.parse(reportedAt)),
                "cityMode", "PEACE")).evaluate().getSingleResult();
    }

    private static int decisionVersion() {
        return repositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("grid-matter-admission")
                .latestVersion().singleResult().getVersion();
    }

    @Test
    void anApprovedTemporaryItemIsAdmittedByTheNextDecisionVersionUntilItsEndDate() {
        assertThat(admission("FLOOD_PATROL", "2026-12-01T02:00:00Z").<String>getEntry("nonAdmissionAction"))
                .as("before: unlisted, referred to its department").isEqualTo("REFER_DEPT");

        ProcessInstance pi = request("FLOOD_PATROL", true, "2026-12-31");
        assertThat(pi).isWaitingAt("evaluateRequest");
        assertThat(task(pi)).hasCandidateGroup("governance-admin");
        complete(task(pi), withVariables("evaluationDecision", "APPROVE", "evaluationNote", "汛期必要，工作量可控"));

        assertThat(pi).isEnded().hasPassed("publishAdmissionList", "recordPublication", "itemAdmitted");
        assertThat(pi).variables().containsEntry("admissionItemCode", "GRID-T-02").containsEntry("admissionListVersion", 2);
        assertThat(recorded).containsExactly("PUBLISHED GRID-T-02");
        assertThat(decisionVersion()).isEqualTo(2);

        DmnDecisionResultEntries during = admission("FLOOD_PATROL", "2026-12-31T15:59:00Z"); // 23:59 in Longgang
        assertThat(during.<Boolean>getEntry("admitted")).isTrue();
        assertThat(during.<String>getEntry("admissionItemCode")).isEqualTo("GRID-T-02");
        assertThat(admission("FLOOD_PATROL", "2026-12-31T16:00:00Z").<String>getEntry("nonAdmissionAction"))
                .as("expired with the end of its last day").isEqualTo("REFER_DEPT");
        // what was listed before is unchanged, and refusals still refuse
        assertThat(admission("SAFETY_HAZARD", "2026-12-01T02:00:00Z").<String>getEntry("admissionItemCode"))
                .isEqualTo("GRID-L-01");
        assertThat(admission("DEPT_DATA_FILLING", "2026-12-01T02:00:00Z").<String>getEntry("nonAdmissionAction"))
                .isEqualTo("REJECT_EXPLAIN");
    }

    @Test
    void aPermanentItemGetsTheNextListCode() {
        ProcessInstance pi = request("ELDERLY_VISIT", false, null);
        complete(task(pi), withVariables("evaluationDecision", "APPROVE", "evaluationNote", "同意"));
        assertThat(pi).variables().containsEntry("admissionItemCode", "GRID-L-09");
        assertThat(admission("ELDERLY_VISIT", "2030-01-01T00:00:00Z").<Boolean>getEntry("admitted")).isTrue();
    }

    @Test
    void aRefusedRequestLeavesTheListAsItWas() {
        ProcessInstance pi = request("FEE_COLLECTION", false, null);
        complete(task(pi), withVariables("evaluationDecision", "REJECT", "evaluationNote", "收费不属网格职责"));

        assertThat(pi).isEnded().hasPassed("tellRejection", "itemRejected").hasNotPassed("publishAdmissionList");
        assertThat(recorded).containsExactly("REJECTED FEE_COLLECTION");
        assertThat(decisionVersion()).isEqualTo(1);
    }

    @Test
    void theListIsReviewedOnceAYear() {
        Job yearly = managementService().createJobQuery().timers().singleResult();
        assertThat(yearly.getDuedate()).isAfter(ClockUtil.getCurrentTime());
        execute(yearly);
        ProcessInstance review = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("grid-matter-admission-review").singleResult();
        assertThat(review).isWaitingAt("reviewAdmissionList");
        complete(task(review), withVariables("reviewSummary", "保留全部常设事项"));
        assertThat(review).isEnded();
        assertThat(managementService().createJobQuery().timers().count()).as("the next year's review is scheduled")
                .isOne();
    }
}

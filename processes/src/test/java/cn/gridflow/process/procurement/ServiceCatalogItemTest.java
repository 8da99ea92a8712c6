package cn.gridflow.process.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;

import cn.gridflow.process.ContractTerms;
import cn.gridflow.process.Groups;
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

/** 目录清单事项 (domain-spec §3.3): negative list, review, approval, publication and the yearly necessity evaluation. */
@Deployment(resources = {"bpmn/service-catalog-item.bpmn", "dmn/negative-list-check.dmn", "dmn/catalog-adjustment.dmn",
        "forms/service-catalog-review.form", "forms/service-catalog-approve.form", "forms/service-catalog-feedback.form",
        "forms/service-catalog-necessity.form", "forms/service-catalog-revise.form"})
class ServiceCatalogItemTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    static final Date START = ProcurementFakes.at("2027-01-04T09:00:00+08:00");

    final ProcurementFakes.Catalog catalog = new ProcurementFakes.Catalog();

    @BeforeEach
    void register() {
        ClockUtil.setCurrentTime(START);
        Mocks.register("serviceCatalog", catalog);
        Mocks.register("workCalendar", new ProcurementFakes.Calendar());
        Mocks.register("groups", new Groups());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    static ProcessInstance propose(String itemCode, String nature) {
        return runtimeService().startProcessInstanceByKey("service-catalog-item", itemCode, withVariables(
                "itemCode", itemCode, "itemName", "社区老年助餐服务", "class", "PUBLIC_SERVICE",
                "deliveryMode", "PURCHASE", "legalBasis", "《龙港市社区治理条例》第六条", "serviceNature", nature,
                "deptId", "GOVERNANCE"));
    }

    /** Proposal → negative list → review → approval → publication. */
    static ProcessInstance published(String itemCode) {
        ProcessInstance pi = propose(itemCode, "PUBLIC_SERVICE_DELIVERY");
        assertThat(pi).isWaitingAt("reviewItem");
        assertThat(task(pi)).hasCandidateGroup("governance-admin");
        complete(task(pi), withVariables("reviewDecision", "APPROVE", "reviewNote", "符合第六条"));
        assertThat(task(pi)).hasDefinitionKey("approveItem").hasCandidateGroup("city-gov-approver");
        complete(task(pi), withVariables("approvalDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("awaitReview").hasPassed("publishCatalog")
                .variables().containsEntry("status", "PUBLISHED");
        return pi;
    }

    static Job yearlyTimer(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId("yearlyReviewDue")
                .singleResult();
    }

    static void fire(Job job) {
        ClockUtil.setCurrentTime(job.getDuedate());
        managementService().executeJob(job.getId());
    }

    static void review(ProcessInstance pi, int necessityScore, boolean legalChange) {
        assertThat(task(pi)).hasDefinitionKey("communityFeedback").hasCandidateGroup("community-staff");
        complete(task(pi), withVariables("communityFeedbackNote", "居民认可"));
        assertThat(task(pi)).hasDefinitionKey("scoreNecessity").hasCandidateGroup("governance-admin");
        complete(task(pi), withVariables("necessityScore", necessityScore, "legalChange", legalChange));
    }

    @Test
    void p5AnAdministrativeLicenceReviewIsRejectedByTheNegativeList() {
        ProcessInstance pi = propose("GS-P5", "ADMIN_LICENSING");
        assertThat(pi).isEnded().hasPassed("rejectNegativeList", "rejectedNegativeList").hasNotPassed("reviewItem")
                .variables().containsEntry("allowed", false).containsEntry("status", "REJECTED_NEGATIVE_LIST")
                .containsEntry("negativeListReason", "行政许可事项属于负面清单，不得购买");
        assertThat(catalog.calls).containsExactly("REGISTER GS-P5", "REJECT REJECTED_NEGATIVE_LIST");
    }

    @Test
    void anItemTheReviewerRefusesIsNotPublished() {
        ProcessInstance pi = propose("GS-NO", "PUBLIC_SERVICE_DELIVERY");
        complete(task(pi), withVariables("reviewDecision", "REJECT", "reviewNote", "与现有事项重复"));
        assertThat(pi).isEnded().hasPassed("notApproved").hasNotPassed("approveItem", "publishCatalog");
        assertThat(catalog.calls).containsExactly("REGISTER GS-NO", "REJECT NOT_APPROVED");
    }

    @Test
    void theCityGovernmentMayRefuseTheItem() {
        ProcessInstance pi = propose("GS-NO2", "PUBLIC_SERVICE_DELIVERY");
        complete(task(pi), withVariables("reviewDecision", "APPROVE"));
        complete(task(pi), withVariables("approvalDecision", "REJECT"));
        assertThat(pi).isEnded().hasPassed("notApproved").hasNotPassed("publishCatalog");
    }

    @Test
    void theReviewIsDueInTenWorkingDays() {
        ProcessInstance pi = propose("GS-DUE", "PUBLIC_SERVICE_DELIVERY");
        assertThat(task(pi).getDueDate()).isEqualTo(ContractTerms.plusDays(START, 10));
    }

    @Test
    void aRetainedItemIsReviewedAgainAYearLater() {
        ProcessInstance pi = published("GS-RETAIN");
        Job first = yearlyTimer(pi);
        assertThat(first.getDuedate()).isEqualTo(ContractTerms.plusMonths(START, 12));
        fire(first);
        review(pi, 85, false);
        assertThat(pi).isWaitingAt("awaitReview").variables().containsEntry("adjustment", "RETAIN");
        assertThat(yearlyTimer(pi).getDuedate()).isEqualTo(ContractTerms.plusMonths(START, 24));
        assertThat(catalog.calls).containsExactly("REGISTER GS-RETAIN", "PUBLISH publishCatalog", "REVIEW 85 RETAIN");
        assertThat(pi).hasNotPassed("reinstateItem").variables().containsEntry("status", "PUBLISHED");
    }

    @Test
    void p4AnItemWithNecessityFortyIsRemovedAndTheRevisedCatalogPublished() {
        ProcessInstance pi = published("GS-P4");
        fire(yearlyTimer(pi));
        review(pi, 40, false);
        assertThat(pi).isEnded().hasPassed("removeItem", "publishRemoval", "itemRemoved")
                .variables().containsEntry("adjustment", "REMOVE").containsEntry("status", "REMOVED");
        assertThat(catalog.calls).containsExactly("REGISTER GS-P4", "PUBLISH publishCatalog", "REVIEW 40 REMOVE",
                "REMOVE REMOVE", "PUBLISH publishRemoval");
    }

    @Test
    void aChangeOfLegalBasisLeadsToARevisionAndARepublication() {
        ProcessInstance pi = published("GS-ADJ");
        fire(yearlyTimer(pi));
        review(pi, 90, true);
        assertThat(task(pi)).hasDefinitionKey("reviseItem");
        complete(task(pi), withVariables("itemName", "社区老年助餐与送餐服务", "legalBasis", "新规", "revisionNote", "依据更新"));
        assertThat(pi).isWaitingAt("awaitReview").hasPassed("publishRevision")
                .variables().containsEntry("itemName", "社区老年助餐与送餐服务");
    }

    @Test
    void anOffCycleReviewSignalForAnotherItemLeavesTheYearlyRhythmAlone() {
        ProcessInstance pi = published("GS-SIG");
        Date due = yearlyTimer(pi).getDuedate();
        ClockUtil.setCurrentTime(ContractTerms.plusMonths(START, 5));
        runtimeService().createSignalEvent("SIG_CATALOG_REVIEW").setVariables(withVariables("reviewItemCode", "OTHER"))
                .send();
        assertThat(pi).isWaitingAt("awaitReview").hasPassed("isThisItem");
        assertThat(yearlyTimer(pi).getDuedate()).isEqualTo(due);

        runtimeService().createSignalEvent("SIG_CATALOG_REVIEW").setVariables(withVariables("reviewItemCode", "GS-SIG"))
                .send();
        assertThat(task(pi)).hasDefinitionKey("communityFeedback");
    }

    @Test
    void aSuspendedItemWhoseReviewAsksForARevisionIsPublishedAgainRevised() {
        ProcessInstance pi = published("GS-SUSP");
        catalog.suspended.add("GS-SUSP"); // a contract's withdrawal, as the backend records it
        runtimeService().createSignalEvent("SIG_CATALOG_REVIEW").setVariables(withVariables("reviewItemCode", "GS-SUSP"))
                .send();
        assertThat(pi).variables().containsEntry("status", "SUSPENDED");
        review(pi, 90, true);
        complete(task(pi), withVariables("itemName", "社区老年助餐服务（修订）", "legalBasis", "新规"));
        assertThat(pi).isWaitingAt("awaitReview").hasPassed("publishRevision").hasNotPassed("reinstateItem")
                .variables().containsEntry("status", "PUBLISHED");
        assertThat(catalog.suspended).isEmpty();
    }

    @Test
    void twoPoorGradesInTwoYearsRemoveTheItemAndTakeTheAuthorityBack() {
        ProcessInstance pi = published("GS-TB");
        catalog.poorGrades = 2;
        fire(yearlyTimer(pi));
        review(pi, 70, false);
        assertThat(pi).isEnded().hasPassed("itemRemoved").variables()
                .containsEntry("adjustment", "REMOVE_AND_TAKE_BACK").containsEntry("poorGradesLast2Years", 2);
    }
}

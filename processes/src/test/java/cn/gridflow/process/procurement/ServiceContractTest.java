package cn.gridflow.process.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.gridflow.process.ContractTerms;
import cn.gridflow.process.Groups;
import cn.gridflow.process.PaymentPlan;
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
 * 政府购买服务合同 (domain-spec §3.4) through the acceptance scenarios P1–P3 of §3.5, with the catalogue process
 * alongside for the annual review (P1) and the off-cycle review after a withdrawal (P3). The engine clock is moved
 * through the evaluation cycles and to the end of the term.
 */
@Deployment(resources = {"bpmn/service-contract.bpmn", "bpmn/service-catalog-item.bpmn",
        "dmn/contract-term-check.dmn", "dmn/eval-grade.dmn", "dmn/negative-list-check.dmn", "dmn/catalog-adjustment.dmn",
        "forms/service-contract-budget.form", "forms/service-contract-stalled.form", "forms/service-contract-draft.form",
        "forms/service-contract-legal.form", "forms/service-contract-sign.form", "forms/service-contract-evaluation.form",
        "forms/service-contract-feedback.form",
        "forms/service-contract-rectify.form", "forms/service-contract-improve.form",
        "forms/service-contract-termination.form", "forms/service-contract-interim.form",
        "forms/service-catalog-review.form", "forms/service-catalog-approve.form", "forms/service-catalog-feedback.form",
        "forms/service-catalog-necessity.form", "forms/service-catalog-revise.form"})
class ServiceContractTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    static final Date START = ProcurementFakes.at("2027-01-04T09:00:00+08:00");
    static final long PRICE_FEN = 120_000_000L; // 120 万元

    final ProcurementFakes.Catalog catalog = new ProcurementFakes.Catalog();
    final ProcurementFakes.Contracts contracts = new ProcurementFakes.Contracts(catalog);
    final ProcurementFakes.Payments payments = new ProcurementFakes.Payments();

    @BeforeEach
    void register() {
        ClockUtil.setCurrentTime(START);
        Mocks.register("serviceCatalog", catalog);
        Mocks.register("serviceContracts", contracts);
        Mocks.register("contractPayments", payments);
        Mocks.register("contractTerms", new ContractTerms());
        Mocks.register("workCalendar", new ProcurementFakes.Calendar());
        Mocks.register("groups", new Groups());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private static ProcessInstance plan(String contractId, String itemCode) {
        return runtimeService().startProcessInstanceByKey("service-contract", contractId, withVariables(
                "contractId", contractId, "itemCode", itemCode, "itemName", "社区老年助餐服务", "deptId", "GOVERNANCE",
                "communityId", "C01", "budgetFen", PRICE_FEN));
    }

    /** Budget approved and the award message in: the draft is with the buying department. */
    private static ProcessInstance awarded(String contractId, String itemCode) {
        ProcessInstance pi = plan(contractId, itemCode);
        assertThat(task(pi)).hasDefinitionKey("checkBudget").hasCandidateGroup("finance-reviewer");
        complete(task(pi), withVariables("budgetDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("awaitAward");
        runtimeService().createMessageCorrelation("MSG_PROCUREMENT_AWARDED").processInstanceBusinessKey(contractId)
                .setVariables(withVariables("providerId", "P001", "priceFen", PRICE_FEN)).correlate();
        assertThat(task(pi)).hasDefinitionKey("draftContract").hasCandidateGroup("purchasing-dept:GOVERNANCE");
        return pi;
    }

    private static Map<String, Object> draft(int termMonths, boolean stable, String evalCycle) {
        return withVariables("serviceItems", "为 80 岁以上老人每日配送午餐", "qualityKpis", "准时率≥98%，满意度≥90%",
                "termMonths", termMonths, "stableContinuous", stable, "priceFen", PRICE_FEN,
                "paymentMethod", "预付 30%，其余按评价周期结果支付", "prepayPct", 30, "evalCycle", evalCycle);
    }

    /** Legal review and both signatures: the contract is published, the advance paid, performance begins. */
    private static void signAndPublish(ProcessInstance pi) {
        assertThat(task(pi)).hasDefinitionKey("legalReview").hasCandidateGroup("legal-reviewer");
        complete(task(pi), withVariables("legalDecision", "APPROVE"));
        assertThat(task(pi)).hasDefinitionKey("signByBuyer").hasCandidateGroup("purchasing-dept:GOVERNANCE");
        complete(task(pi), withVariables("signed", true));
        assertThat(task(pi)).hasDefinitionKey("signByProvider").hasCandidateGroup("service-provider:P001");
        complete(task(pi), withVariables("signed", true));
        assertThat(pi).hasPassed("publishContract", "payAdvance").isWaitingAt("awaitTermEnd")
                .variables().containsEntry("status", "IN_FORCE");
    }

    private static Job job(ProcessInstance pi, String activityId) {
        List<Job> jobs = managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).list();
        assertThat(jobs).as("timer at " + activityId).hasSize(1);
        return jobs.get(0);
    }

    private static void fire(ProcessInstance pi, String activityId) {
        Job job = job(pi, activityId);
        ClockUtil.setCurrentTime(job.getDuedate());
        managementService().executeJob(job.getId());
    }

    private static Task openTask(ProcessInstance pi, String key) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    }

    /** The community served gives its feedback first; the periodic evaluation then shows it to the department. */
    private static void evaluate(ProcessInstance pi, String key, int score) {
        if ("periodicEvaluation".equals(key)) {
            Task feedback = openTask(pi, "communityFeedback");
            assertThat(feedback).as("the community's feedback comes before the periodic evaluation").isNotNull();
            assertThat(feedback).hasCandidateGroup("community-staff:C01");
            assertThat(openTask(pi, "periodicEvaluation")).isNull();
            complete(feedback, withVariables("communitySatisfaction", "SATISFIED", "communityFeedback", "居民反映良好"));
        }
        Task evaluation = openTask(pi, key);
        assertThat(evaluation).as("open task " + key).isNotNull();
        complete(evaluation, withVariables("evalScore", score, "evalNote", "季度评价"));
    }

    @Test
    void p1ElderlyMealsFor24MonthsAreEvaluatedEachQuarterPaidInFullAndCompleted() {
        ProcessInstance item = ServiceCatalogItemTest.published("GS-MEAL");
        ProcessInstance pi = awarded("HT-P1", "GS-MEAL");
        complete(task(pi), draft(24, true, "R/P3M"));
        signAndPublish(pi);
        assertThat(pi).variables().containsEntry("termEnd", ContractTerms.plusMonths(START, 24))
                .containsEntry("instalments", 8).containsEntry("evalCycle", "R/P3M");

        int[] scores = {88, 91, 85, 90, 88, 91, 85};
        for (int quarter = 1; quarter <= 7; quarter++) {
            fire(pi, "periodicDue");
            assertThat(new Date(ClockUtil.getCurrentTime().getTime()))
                    .isEqualTo(ContractTerms.plusMonths(START, 3 * quarter));
            assertThat(openTask(pi, "communityFeedback")).isNotNull();
            evaluate(pi, "periodicEvaluation", scores[quarter - 1]);
            if (quarter == 4) {
                // the yearly third-party evaluation and the catalogue's annual review fall in the same year
                fire(pi, "thirdPartyDue");
                assertThat(openTask(pi, "thirdPartyEvaluation")).isNotNull();
                evaluate(pi, "thirdPartyEvaluation", 89);
                ServiceCatalogItemTest.fire(ServiceCatalogItemTest.yearlyTimer(item));
                ServiceCatalogItemTest.review(item, 88, false);
                assertThat(item).isWaitingAt("awaitReview").variables().containsEntry("adjustment", "RETAIN");
            }
        }
        // the cycle's eighth firing falls on the end of the term: that period is left to the final evaluation
        fire(pi, "periodicDue");
        assertThat(pi).hasPassed("lastPeriodLeftToFinal");
        assertThat(openTask(pi, "periodicEvaluation")).isNull();
        fire(pi, "awaitTermEnd");
        assertThat(ClockUtil.getCurrentTime()).isEqualTo(ContractTerms.plusMonths(START, 24));
        assertThat(task(pi)).hasDefinitionKey("finalEvaluation");
        evaluate(pi, "finalEvaluation", 90);

        assertThat(pi).isEnded().hasPassed("finalSettlement", "archiveContract", "contractCompleted")
                .hasNotPassed("rectify", "approveTermination").variables().containsEntry("status", "COMPLETED");
        assertThat(contracts.evaluations()).containsExactly("PERIODIC 88 良", "PERIODIC 91 优", "PERIODIC 85 良",
                "PERIODIC 90 优", "THIRD_PARTY 89 良", "PERIODIC 88 良", "PERIODIC 91 优", "PERIODIC 85 良", "FINAL 90 优");
        assertThat(payments.calls).containsExactly("ADVANCE 36000000", "INSTALMENT 1 100%", "INSTALMENT 2 100%",
                "INSTALMENT 3 100%", "INSTALMENT 4 100%", "INSTALMENT 5 100%", "INSTALMENT 6 100%",
                "INSTALMENT 7 100%", "INSTALMENT 8 100%", "SETTLE 120000000");
        assertThat(payments.paidFen).as("100% paid").isEqualTo(PRICE_FEN);
    }

    @Test
    void p2ADraftOfFortyEightMonthsGoesBackAndIsSignedAtThirtySix() {
        ProcessInstance pi = awarded("HT-P2", "GS-P2");
        complete(task(pi), draft(48, true, "R/P3M"));
        assertThat(pi).hasPassed("checkTerms").variables().containsEntry("termViolations", "TERM_GT_3Y");
        assertThat(task(pi)).hasDefinitionKey("draftContract");

        complete(task(pi), draft(36, true, "R/P3M"));
        assertThat(pi).variables().containsEntry("termViolations", "");
        signAndPublish(pi);
        assertThat(pi).variables().containsEntry("termEnd", ContractTerms.plusMonths(START, 36));
    }

    @Test
    void aDraftWithoutPaymentMethodOrOverAYearForAnUnstableServiceGoesBack() {
        ProcessInstance pi = awarded("HT-CL", "GS-CL");
        Map<String, Object> variables = draft(24, false, "R/P3M");
        variables.put("paymentMethod", "");
        complete(task(pi), variables);
        assertThat(pi).variables().containsEntry("termViolations", "TERM_GT_1Y_NOT_ALLOWED,MISSING_CLAUSE_PAYMENT");
        assertThat(task(pi)).hasDefinitionKey("draftContract");
    }

    @Test
    void p3PoorWasteSortingSupervisionIsWithdrawnAndTheItemReviewedOffCycle() {
        ProcessInstance item = ServiceCatalogItemTest.published("GS-WASTE");
        ProcessInstance pi = awarded("HT-P3", "GS-WASTE");
        complete(task(pi), draft(12, false, "R/P3M"));
        signAndPublish(pi);

        fire(pi, "periodicDue");
        evaluate(pi, "periodicEvaluation", 82);
        fire(pi, "periodicDue");
        evaluate(pi, "periodicEvaluation", 58);
        Date q2 = ClockUtil.getCurrentTime();
        assertThat(pi).variables().containsEntry("evalGrade", "差").containsEntry("payPct", 80)
                .containsEntry("withholdPct", 20).containsEntry("consecutiveFails", 1)
                .containsEntry("rectifyDueAt", ContractTerms.plusDays(q2, 30));
        assertThat(payments.calls).contains("INSTALMENT 2 80%");
        Task rectify = openTask(pi, "rectify");
        assertThat(rectify).isNotNull();
        assertThat(rectify).hasCandidateGroup("service-provider:P001");
        assertThat(rectify.getDueDate()).isEqualTo(ContractTerms.plusDays(q2, 30));

        complete(rectify, withVariables("rectifyReport", "已增派督导员"));
        fire(pi, "awaitRectifyDue");
        assertThat(ClockUtil.getCurrentTime()).isEqualTo(ContractTerms.plusDays(q2, 30));
        evaluate(pi, "reEvaluation", 55);

        assertThat(pi).variables().containsEntry("consecutiveFails", 2);
        assertThat(task(pi)).hasDefinitionKey("approveTermination").hasCandidateGroup("city-gov-approver");
        assertThat(pi).isNotWaitingAt("awaitTermEnd");
        Date terminatedAt = ClockUtil.getCurrentTime();
        complete(task(pi), withVariables("terminationDecision", "APPROVE", "terminationNote", "复评仍不合格"));

        long expectedRecovery = PaymentPlan.unearned(36_000_000L, START, ContractTerms.plusMonths(START, 12), terminatedAt);
        assertThat(expectedRecovery).isPositive().isLessThan(36_000_000L);
        assertThat(contracts.calls).containsSubsequence("NOTICE P001", "TAKE_BACK GS-WASTE");
        assertThat(payments.calls).contains("RECOVER " + expectedRecovery);
        assertThat(pi).hasPassed("recoverPrepayment", "recoverFunds", "takeBackAuthority", "signalCatalogReview")
                .variables().containsEntry("status", "TERMINATED_TAKEN_BACK");
        Task interim = openTask(pi, "interimSelfDelivery");
        assertThat(interim).isNotNull();
        assertThat(interim).hasCandidateGroup("purchasing-dept:GOVERNANCE");

        // the off-cycle catalogue review has started for this item only
        assertThat(item).hasPassed("reviewSignalled", "isThisItem");
        catalog.poorGrades = 2;
        ServiceCatalogItemTest.review(item, 70, false);
        assertThat(item).isEnded().hasPassed("itemRemoved").variables()
                .containsEntry("adjustment", "REMOVE_AND_TAKE_BACK");

        complete(interim, withVariables("interimArrangement", "由社区工作者临时承担"));
        assertThat(pi).isEnded().hasPassed("terminatedTakenBack");
    }

    @Test
    void twoPoorPeriodsInARowEscalateEvenBeforeTheRectificationIsReEvaluated() {
        ClockUtil.setCurrentTime(ProcurementFakes.at("2027-01-01T09:00:00+08:00"));
        ProcessInstance pi = awarded("HT-2F", "GS-2F");
        complete(task(pi), draft(12, false, "R/P1M"));
        signAndPublish(pi);
        fire(pi, "periodicDue");
        evaluate(pi, "periodicEvaluation", 50);
        assertThat(openTask(pi, "rectify")).isNotNull();
        fire(pi, "periodicDue"); // 1 March comes before the rectification deadline of 3 March
        evaluate(pi, "periodicEvaluation", 40);
        assertThat(pi).variables().containsEntry("consecutiveFails", 2);
        assertThat(task(pi)).hasDefinitionKey("approveTermination");
        assertThat(openTask(pi, "rectify")).as("the withdrawal interrupts the rectification").isNull();
    }

    @Test
    void aPassedReEvaluationResetsTheFailuresAndAFairGradeAsksForAnImprovementPlan() {
        ProcessInstance pi = awarded("HT-RE", "GS-RE");
        complete(task(pi), draft(12, false, "R/P3M"));
        signAndPublish(pi);
        fire(pi, "periodicDue");
        evaluate(pi, "periodicEvaluation", 59);
        fire(pi, "rectifyOverdue"); // the provider never reported: re-evaluation at the deadline all the same
        evaluate(pi, "reEvaluation", 75);
        assertThat(pi).hasPassed("rectified").variables().containsEntry("consecutiveFails", 0);

        fire(pi, "periodicDue");
        evaluate(pi, "periodicEvaluation", 70);
        assertThat(openTask(pi, "improvementPlan")).isNotNull();
        assertThat(payments.calls).contains("INSTALMENT 2 100%");
    }

    @Test
    void aRefusedWithdrawalResumesPerformanceForTheRemainingPeriods() {
        ProcessInstance pi = awarded("HT-RS", "GS-RS");
        complete(task(pi), draft(12, false, "R/P3M"));
        signAndPublish(pi);
        fire(pi, "periodicDue");
        evaluate(pi, "periodicEvaluation", 50);
        fire(pi, "rectifyOverdue");
        evaluate(pi, "reEvaluation", 50);
        complete(task(pi), withVariables("terminationDecision", "REJECT", "terminationNote", "给予最后一次机会"));
        assertThat(pi).isWaitingAt("awaitTermEnd").hasPassed("resumeContract")
                .variables().containsEntry("consecutiveFails", 0).containsEntry("status", "IN_FORCE")
                .containsEntry("evalCycle", "R/P3M");
        assertThat(contracts.calls).contains("RESUMED");
        assertThat(payments.calls).noneMatch(c -> c.startsWith("RECOVER"));
        assertThat(job(pi, "awaitTermEnd").getDuedate()).isEqualTo(ContractTerms.plusMonths(START, 12));
    }

    @Test
    void theCommunityGivesItsFeedbackBeforeThePeriodicEvaluationAndIsNotWaitedForBeyondItsDueDate() {
        ProcessInstance pi = awarded("HT-FB", "GS-FB");
        complete(task(pi), draft(12, false, "R/P3M"));
        signAndPublish(pi);

        fire(pi, "periodicDue");
        Date q1 = ClockUtil.getCurrentTime();
        Task feedback = openTask(pi, "communityFeedback");
        assertThat(feedback).hasCandidateGroup("community-staff:C01");
        assertThat(feedback.getDueDate()).isEqualTo(ContractTerms.plusDays(q1, 5));
        assertThat(openTask(pi, "periodicEvaluation")).as("the department waits for the community").isNull();
        complete(feedback, withVariables("communitySatisfaction", "DISSATISFIED", "communityFeedback", "送餐常迟到"));
        assertThat(openTask(pi, "periodicEvaluation")).isNotNull();
        assertThat(pi).variables().containsEntry("communityFeedback", "送餐常迟到")
                .containsEntry("communitySatisfaction", "DISSATISFIED");
        complete(openTask(pi, "periodicEvaluation"), withVariables("evalScore", 85));

        // next quarter the community stays silent: after five working days the department evaluates without it
        fire(pi, "periodicDue");
        assertThat(openTask(pi, "communityFeedback")).isNotNull();
        assertThat(pi).variables().as("last quarter's feedback is not this quarter's").containsEntry("communityFeedback", null);
        fire(pi, "feedbackOverdue");
        assertThat(openTask(pi, "communityFeedback")).isNull();
        Task evaluation = openTask(pi, "periodicEvaluation");
        assertThat(evaluation).isNotNull();
        complete(evaluation, withVariables("evalScore", 90));
        assertThat(contracts.evaluations()).containsExactly("PERIODIC 85 良", "PERIODIC 90 优");
    }

    @Test
    void aPlanThatNamesNoCommunityAsksTheCommunityStaffRoleForFeedback() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("service-contract", "HT-NC", withVariables(
                "contractId", "HT-NC", "itemCode", "GS-NC", "deptId", "GOVERNANCE", "budgetFen", PRICE_FEN));
        complete(task(pi), withVariables("budgetDecision", "APPROVE"));
        runtimeService().createMessageCorrelation("MSG_PROCUREMENT_AWARDED").processInstanceBusinessKey("HT-NC")
                .setVariables(withVariables("providerId", "P001", "priceFen", PRICE_FEN)).correlate();
        complete(task(pi), draft(12, false, "R/P3M"));
        signAndPublish(pi);
        fire(pi, "periodicDue");
        assertThat(openTask(pi, "communityFeedback")).hasCandidateGroup("community-staff");
    }

    @Test
    void anItemSuspendedByAWithdrawalAndRetainedAtTheOffCycleReviewIsPublishedAgain() {
        ProcessInstance item = ServiceCatalogItemTest.published("GS-BACK");
        ProcessInstance pi = awarded("HT-BACK", "GS-BACK");
        complete(task(pi), draft(12, false, "R/P3M"));
        signAndPublish(pi);
        fire(pi, "periodicDue");
        evaluate(pi, "periodicEvaluation", 50);
        fire(pi, "rectifyOverdue");
        evaluate(pi, "reEvaluation", 50);
        complete(task(pi), withVariables("terminationDecision", "APPROVE"));
        assertThat(catalog.suspended).as("the withdrawal suspended the item").containsExactly("GS-BACK");

        // the off-cycle review finds the service still necessary and the poor grades not repeated over two years
        catalog.poorGrades = 1;
        ServiceCatalogItemTest.review(item, 82, false);
        assertThat(item).isWaitingAt("awaitReview").hasPassed("isSuspended", "reinstateItem")
                .variables().containsEntry("adjustment", "RETAIN").containsEntry("status", "PUBLISHED");
        assertThat(catalog.calls).containsSubsequence("PUBLISH publishCatalog", "REVIEW 82 RETAIN",
                "PUBLISH reinstateItem");
        assertThat(catalog.suspended).isEmpty();
        // it keeps its yearly rhythm, counted from the first publication
        assertThat(ServiceCatalogItemTest.yearlyTimer(item).getDuedate()).isEqualTo(ContractTerms.plusMonths(START, 12));
    }

    @Test
    void aYearlyReviewThatTakesTheAuthorityBackTerminatesTheContractStillRunning() {
        ProcessInstance item = ServiceCatalogItemTest.published("GS-TBY");
        ProcessInstance pi = awarded("HT-TBY", "GS-TBY");
        complete(task(pi), draft(24, true, "R/P3M"));
        signAndPublish(pi);

        // a year on, the item's contracts had two 差 in two years (not in a row): remove and take back
        catalog.poorGrades = 2;
        ServiceCatalogItemTest.fire(ServiceCatalogItemTest.yearlyTimer(item));
        ServiceCatalogItemTest.review(item, 70, false);
        assertThat(item).isEnded().variables().containsEntry("adjustment", "REMOVE_AND_TAKE_BACK");

        assertThat(pi).hasPassed("itemTakenBack").isNotWaitingAt("awaitTermEnd");
        assertThat(task(pi)).hasDefinitionKey("approveTermination").hasCandidateGroup("city-gov-approver");
        complete(task(pi), withVariables("terminationDecision", "APPROVE"));
        assertThat(pi).hasPassed("noticeProvider", "recoverFunds", "takeBackAuthority")
                .variables().containsEntry("status", "TERMINATED_TAKEN_BACK");
        long expected = PaymentPlan.unearned(36_000_000L, START, ContractTerms.plusMonths(START, 24),
                ContractTerms.plusMonths(START, 12));
        assertThat(payments.calls).contains("RECOVER " + expected);
        assertThat(expected).as("about half the term unearned (2028 is a leap year)").isBetween(17_900_000L, 18_100_000L);
        assertThat(openTask(pi, "interimSelfDelivery")).isNotNull();
    }

    @Test
    void aRemovalWithoutTakeBackLetsTheRunningContractFinishItsTerm() {
        ProcessInstance item = ServiceCatalogItemTest.published("GS-RM");
        ProcessInstance pi = awarded("HT-RM", "GS-RM");
        complete(task(pi), draft(24, true, "R/P3M"));
        signAndPublish(pi);
        ServiceCatalogItemTest.fire(ServiceCatalogItemTest.yearlyTimer(item));
        ServiceCatalogItemTest.review(item, 40, false);
        assertThat(item).isEnded().variables().containsEntry("adjustment", "REMOVE");
        assertThat(pi).isWaitingAt("awaitTermEnd").hasNotPassed("itemTakenBack");
    }

    @Test
    void aRejectedBudgetClosesThePlan() {
        ProcessInstance pi = plan("HT-BR", "GS-BR");
        complete(task(pi), withVariables("budgetDecision", "REJECT", "budgetNote", "年度预算未安排"));
        assertThat(pi).isEnded().hasPassed("budgetRejected").variables().containsEntry("status", "BUDGET_REJECTED");
        assertThat(contracts.calls).containsExactly("REGISTER HT-BR", "CLOSE BUDGET_REJECTED");
    }

    @Test
    void aProcurementWithoutAwardAfterNinetyDaysIsFlaggedAndMayWaitOrBeCancelled() {
        ProcessInstance pi = plan("HT-ST", "GS-ST");
        complete(task(pi), withVariables("budgetDecision", "APPROVE"));
        fire(pi, "procurementTimeout");
        assertThat(ClockUtil.getCurrentTime()).isEqualTo(ContractTerms.plusDays(START, 90));
        assertThat(task(pi)).hasDefinitionKey("procurementStalled").hasCandidateGroup("purchasing-dept:GOVERNANCE");
        complete(task(pi), withVariables("stalledDecision", "WAIT"));
        assertThat(pi).isWaitingAt("awaitAward");
        fire(pi, "procurementTimeout");
        complete(task(pi), withVariables("stalledDecision", "CANCEL"));
        assertThat(pi).isEnded().hasPassed("procurementCancelled").variables().containsEntry("status", "CANCELLED");
    }
}

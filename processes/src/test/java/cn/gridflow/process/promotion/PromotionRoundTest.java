package cn.gridflow.process.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
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

import cn.gridflow.process.Groups;
import cn.gridflow.process.promotion.PromotionFixture.Hr;
import cn.gridflow.process.promotion.PromotionFixture.Ledger;

/**
 * 专职网格员选聘 (domain-spec §4.3, acceptance scenarios R1–R5 of §4.6): a round, its screenings and its
 * appointments, moving the engine clock through the application window, 公示, the reporting deadline, probation and
 * the waitlist's expiry.
 */
@Deployment(resources = {"bpmn/promotion-round.bpmn", "bpmn/candidate-screening.bpmn", "bpmn/candidate-appointment.bpmn",
        "dmn/promotion-quota.dmn", "dmn/promotion-eligibility.dmn"})
class PromotionRoundTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    /** Monday 5 January 2026, 09:00 in Longgang. */
    static final Instant ROUND_OPENS = Instant.parse("2026-01-05T01:00:00Z");

    final Ledger ledger = new Ledger();
    final Map<String, Hr> hr = new HashMap<>();

    @BeforeEach
    void register() {
        ClockUtil.setCurrentTime(Date.from(ROUND_OPENS));
        Mocks.register("groups", new Groups());
        Mocks.register("workCalendar", new PromotionFixture.WeekdayCalendar());
        Mocks.register("promotionLedger", ledger);
        Mocks.register("roundSetup", new RoundSetup(0.3, 0.1, 0, RoundSetup.Terms.DEFAULT));
        Mocks.register("promotionScoring", new PromotionScoring(3.0));
        Mocks.register("promotionRanking", new PromotionRanking(ledger));
        Mocks.register("promotionStatus", new CandidateStatus(ledger));
        Mocks.register("collectHrData", PromotionFixture.collectHrData(hr));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // ---- R1 ----------------------------------------------------------------------------------------------------

    @Test
    void r1AQualifiedGridWorkerRankedThirdOfFiveIsAppointedAfterPublicityReportingAndProbation() {
        ProcessInstance round = startRound("CSW_FROM_GRID", 15, 0);
        assertThat(round).variables().containsEntry("annualQuota", 5).containsEntry("roundKey", "PR-2026-CSW_FROM_GRID");
        apply(round, "u1", Hr.qualified(), 95, 95);
        apply(round, "u2", Hr.qualified(), 90, 90);
        apply(round, "r1", Hr.qualified(), 86, 86);
        closeApplicationsAndScore(round);

        // 0.4·86 + 0.3·86 + 0.3·80 = 84.2
        assertThat(ledger.first("r1", "SHORTLISTED").facts()).containsEntry("rank", 3).containsEntry("totalScore", 84.2);
        ProcessInstance r1 = appointmentOf(round, "r1");
        assertThat(r1).isWaitingAt("inspection").variables().containsEntry("rank", 3);
        assertThat(taskOf(r1)).hasCandidateGroup("discipline-check");

        complete(r1, "inspection", "inspectionPassed", true, "inspectionNote", "德才表现良好");
        assertThat(r1).isWaitingAt("publicityPeriod");
        Date publicityEndAt = (Date) runtimeService().getVariable(r1.getId(), "publicityEndAt");
        // inspection done on Monday 5 Jan; seven working days end on Wednesday 14 Jan, not on the 12th
        assertThat(publicityEndAt.toInstant()).isEqualTo(Instant.parse("2026-01-14T01:00:00Z").plus(applicationWindow()));

        at(publicityEndAt.toInstant().minusSeconds(60), r1);
        assertThat(r1).isWaitingAt("publicityPeriod");
        at(publicityEndAt.toInstant().plusSeconds(60), r1);
        assertThat(r1).isWaitingAt("committeeDecision");
        assertThat(taskOf(r1)).hasCandidateGroup("promotion-committee");
        complete(r1, "committeeDecision", "appointmentApproved", true);

        assertThat(r1).isWaitingAt("awaitReporting");
        assertThat(ledger.statusOf("r1")).isEqualTo("OFFERED");
        Instant offered = ClockUtil.getCurrentTime().toInstant();
        at(offered.plus(Duration.ofDays(6)), r1);
        runtimeService().createMessageCorrelation("MSG_REPORTED").processInstanceBusinessKey(r1.getBusinessKey()).correlate();
        assertThat(r1).isWaitingAt("probationPeriod");
        assertThat(ledger.statusOf("r1")).isEqualTo("ON_PROBATION");

        at(offered.plus(Duration.ofDays(6 + 85)), r1);
        assertThat(r1).isWaitingAt("probationPeriod");
        at(offered.plus(Duration.ofDays(6 + 93)), r1);
        assertThat(r1).isWaitingAt("probationReview");
        assertThat(taskOf(r1)).hasCandidateGroup("community-head:C01");
        complete(r1, "probationReview", "probationPassed", true, "probationNote", "试用期表现合格");

        assertThat(r1).isEnded().hasPassed("appointed");
        assertThat(ledger.statusesOf("r1")).containsExactly("ELIGIBLE", "SCORED", "SHORTLISTED", "SHORTLISTED",
                "IN_PUBLICITY", "OFFERED", "ON_PROBATION", "APPOINTED");
    }

    // ---- R2 ----------------------------------------------------------------------------------------------------

    @Test
    void r2ShortServiceWithoutExcellentRatingIsIneligibleWithBothReasons() {
        ProcessInstance round = startRound("CSW_FROM_GRID", 15, 0);
        apply(round, "r2", new Hr(2.5, "COMPETENT,COMPETENT", 30, 3, false, "FULL_TIME_GRID", 80, 0), 0, 0);
        closeApplications(round);
        ProcessInstance screening = screeningOf(round, "r2");
        complete(screening, "recommend", "recommended", true, "recommendationNote", "同意推荐");

        assertThat(screening).isEnded().hasPassed("ineligible").hasNotPassed("writtenTest");
        assertThat(historicVariable(screening, "eligibilityViolations")).isEqualTo("SERVICE_LT_3Y,NO_EXCELLENT");
        assertThat(historicVariable(screening, "candidateStatus")).isEqualTo("INELIGIBLE");
        assertThat(ledger.first("r2", "INELIGIBLE").facts())
                .containsEntry("eligibilityViolations", "SERVICE_LT_3Y,NO_EXCELLENT");
        // nobody scored: the round ranks nobody and keeps only the waitlist clock running
        runDue(round);
        assertThat(round).isWaitingAt("waitlistExpiry");
    }

    @Test
    void theRoundIsArchivedAndItsResultsPublishedOnceWhenItsWaitlistExpires() {
        ProcessInstance round = startRound("CSW_FROM_GRID", 15, 0);
        apply(round, "r2", new Hr(2.5, "COMPETENT,COMPETENT", 30, 3, false, "FULL_TIME_GRID", 80, 0), 0, 0);
        closeApplications(round);
        complete(screeningOf(round, "r2"), "recommend", "recommended", true, "recommendationNote", "同意推荐");
        runDue(round);
        assertThat(round).isWaitingAt("waitlistExpiry");
        assertThat(ledger.archived).isEmpty();

        Date expiresAt = (Date) runtimeService().getVariable(round.getId(), "waitlistExpiresAt");
        at(expiresAt.toInstant().plusSeconds(60), round);

        assertThat(round).isEnded().hasPassed("expireWaitlist", "archiveRound", "roundClosed");
        assertThat(ledger.archived).containsExactly("PR-2026-CSW_FROM_GRID");
    }

    @Test
    void anApplicantTheCommunityDoesNotRecommendEndsWithThatReason() {
        ProcessInstance round = startRound("CSW_FROM_GRID", 15, 0);
        apply(round, "n1", Hr.qualified(), 0, 0);
        closeApplications(round);
        ProcessInstance screening = screeningOf(round, "n1");
        assertThat(taskOf(screening)).hasCandidateGroup("community-head:C01");
        complete(screening, "recommend", "recommended", false, "recommendationNote", "群众评议较差");
        assertThat(screening).isEnded().hasPassed("notRecommended");
        assertThat(ledger.first("n1", "INELIGIBLE").facts()).containsEntry("eligibilityViolations", "NOT_RECOMMENDED");
    }

    // ---- R3 ----------------------------------------------------------------------------------------------------

    @Test
    void r3ASubstantiatedObjectionDisqualifiesCAndTheSeatGoesToBWhileAWaitsUntilTheYearEnds() {
        ProcessInstance round = startRound("CSW_FROM_GRID", 15, 0);
        String[] ids = {"s1", "C", "s3", "s4", "s5", "B", "A"};
        for (int i = 0; i < ids.length; i++) {
            apply(round, ids[i], Hr.qualified(), 95 - 2 * i, 90);
        }
        closeApplicationsAndScore(round);
        assertThat(ledger.first("C", "SHORTLISTED").facts()).containsEntry("rank", 2);
        assertThat(ledger.first("B", "WAITLISTED").facts()).containsEntry("rank", 6);
        assertThat(ledger.first("A", "WAITLISTED").facts()).containsEntry("rank", 7);
        assertThat(round).variables().containsEntry("waitlist", "B,A");

        ProcessInstance c = appointmentOf(round, "C");
        complete(c, "inspection", "inspectionPassed", true, "inspectionNote", "合格");
        runtimeService().createMessageCorrelation("MSG_OBJECTION_FILED").processInstanceBusinessKey(c.getBusinessKey())
                .setVariable("objectionText", "学历证书系伪造").correlate();
        assertThat(c).isWaitingAt("publicityPeriod", "investigateObjection");
        assertThat(taskOf(c)).hasCandidateGroup("hr-admin");
        complete(c, "investigateObjection", "objectionSubstantiated", true, "investigationNote", "经核实学历造假");

        assertThat(c).isEnded().hasPassed("objectionUpheldBoundary", "disqualified");
        assertThat(ledger.statusOf("C")).isEqualTo("DISQUALIFIED");
        runDue(round);
        assertThat(round).variables().containsEntry("waitlist", "A");
        ProcessInstance b = appointmentOf(round, "B");
        assertThat(b).isWaitingAt("inspection").variables().containsEntry("rank", 6);
        appointAllTheWay(b);
        assertThat(b).isEnded().hasPassed("appointed");
        assertThat(ledger.statusOf("B")).isEqualTo("APPOINTED");
        assertThat(ledger.statusOf("A")).isEqualTo("WAITLISTED");

        at(Instant.parse("2026-12-31T15:59:00Z"), round);
        assertThat(ledger.statusOf("A")).isEqualTo("WAITLISTED");
        at(Instant.parse("2026-12-31T16:00:01Z"), round);
        assertThat(ledger.statusOf("A")).isEqualTo("WAITLIST_EXPIRED");
        assertThat(round).variables().containsEntry("waitlist", "");
    }

    @Test
    void anInvestigationStillOpenWhenThePeriodEndsExtendsThePublicityAndADismissedObjectionLetsItClose() {
        ProcessInstance round = startRound("CSW_FROM_GRID", 15, 0);
        apply(round, "p1", Hr.qualified(), 90, 90);
        closeApplicationsAndScore(round);
        ProcessInstance p1 = appointmentOf(round, "p1");
        complete(p1, "inspection", "inspectionPassed", true, "inspectionNote", "合格");
        runtimeService().createMessageCorrelation("MSG_OBJECTION_FILED").processInstanceBusinessKey(p1.getBusinessKey())
                .setVariable("objectionText", "反映存在违规兼职").correlate();
        Date publicityEndAt = (Date) runtimeService().getVariable(p1.getId(), "publicityEndAt");
        at(publicityEndAt.toInstant().plusSeconds(3600), p1);
        assertThat(p1).isWaitingAt("investigateObjection").isNotWaitingAt("committeeDecision");

        complete(p1, "investigateObjection", "objectionSubstantiated", false, "investigationNote", "经核实不属实");
        assertThat(p1).isWaitingAt("committeeDecision");
    }

    // ---- R4 ----------------------------------------------------------------------------------------------------

    @Test
    void r4TheFirstRankedWhoDoesNotReportWithinFifteenDaysForfeitsAndTheNextWaitlistedGetsTheSeat() {
        ProcessInstance round = startRound("CSW_FROM_GRID", 1, 0);
        assertThat(round).variables().containsEntry("annualQuota", 1);
        apply(round, "first", Hr.qualified(), 95, 95);
        apply(round, "second", Hr.qualified(), 85, 85);
        closeApplicationsAndScore(round);
        ProcessInstance first = appointmentOf(round, "first");
        offer(first);
        Instant offered = ClockUtil.getCurrentTime().toInstant();
        at(offered.plus(Duration.ofDays(15)).minusSeconds(60), first);
        assertThat(first).isWaitingAt("awaitReporting");
        at(offered.plus(Duration.ofDays(15)).plusSeconds(60), first);

        assertThat(first).isEnded().hasPassed("forfeited");
        assertThat(ledger.statusOf("first")).isEqualTo("FORFEITED");
        runDue(round);
        ProcessInstance second = appointmentOf(round, "second");
        assertThat(second).isWaitingAt("inspection");
        assertThat(ledger.statusesOf("second")).endsWith("WAITLISTED", "SHORTLISTED");
    }

    @Test
    void aSeatVacatedAfterTheWaitlistExpiredIsNotRefilled() {
        ProcessInstance round = startRound("CSW_FROM_GRID", 1, 0);
        apply(round, "first", Hr.qualified(), 95, 95);
        apply(round, "second", Hr.qualified(), 85, 85);
        closeApplicationsAndScore(round);
        ProcessInstance first = appointmentOf(round, "first");
        at(Instant.parse("2027-01-02T01:00:00Z"), round);
        assertThat(ledger.statusOf("second")).isEqualTo("WAITLIST_EXPIRED");

        complete(first, "inspection", "inspectionPassed", false, "inspectionNote", "考察不合格");
        runDue(round);
        assertThat(ledger.statusOf("first")).isEqualTo("DISQUALIFIED");
        assertThat(round).hasPassed("seatLeftOpen").isEnded().hasPassed("roundClosed");
        assertThat(ledger.archived).containsExactly("PR-2026-CSW_FROM_GRID");
    }

    // ---- R5 ----------------------------------------------------------------------------------------------------

    @Test
    void r5AForty7YearOldWithTwoExcellentRatingsIsAppointedToTheOneReservedInstitutionPost() {
        ProcessInstance round = startRound("INSTITUTION_RESERVED", 0, 10);
        assertThat(round).variables().containsEntry("annualQuota", 1);
        apply(round, "r5", new Hr(12, "EXCELLENT,EXCELLENT", 47, 3, false, "FULL_TIME_GRID", 90, 0), 88, 90);
        closeApplicationsAndScore(round);
        assertThat(ledger.first("r5", "SHORTLISTED").facts()).containsEntry("rank", 1);
        ProcessInstance r5 = appointmentOf(round, "r5");
        appointAllTheWay(r5);
        assertThat(r5).isEnded().hasPassed("appointed");
        assertThat(historicVariable(r5, "postPool")).isEqualTo("INSTITUTION_RESERVED");
        assertThat(ledger.statusOf("r5")).isEqualTo("APPOINTED");
    }

    @Test
    void theCommendationBonusCountsButNeverMoreThanThreePoints() {
        ProcessInstance round = startRound("CSW_FROM_GRID", 15, 0);
        apply(round, "plain", Hr.qualified(), 90, 90);
        apply(round, "honoured", new Hr(5.0, "EXCELLENT,COMPETENT", 34, 3, false, "FULL_TIME_GRID", 80, 5), 88, 88);
        closeApplicationsAndScore(round);
        // 0.4·90 + 0.3·90 + 0.3·80 = 87; 0.4·88 + 0.3·88 + 0.3·80 + min(5, 3) = 88.6
        assertThat(ledger.first("honoured", "SHORTLISTED").facts()).containsEntry("rank", 1).containsEntry("totalScore", 88.6);
        assertThat(ledger.first("plain", "SHORTLISTED").facts()).containsEntry("rank", 2).containsEntry("totalScore", 87.0);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Map<String, Integer[]> scores = new HashMap<>();

    private ProcessInstance startRound(String pool, int cswVacancies, int institutionPostsPlanned) {
        ProcessInstance round = runtimeService().startProcessInstanceByKey("promotion-round", withVariables(
                "year", 2026, "postPool", pool, "cswVacancies", cswVacancies,
                "institutionPostsPlanned", institutionPostsPlanned));
        assertThat(round).isWaitingAt("publishCall");
        assertThat(taskOf(round)).hasCandidateGroup("hr-admin");
        complete(round, "publishCall", "callNotice", "2026 年度专职网格员选聘社区专职工作者公告");
        assertThat(round).isWaitingAt("applicationWindow");
        return round;
    }

    private void apply(ProcessInstance round, String applicantId, Hr record, int written, int interview) {
        ledger.apply((String) runtimeService().getVariable(round.getId(), "roundKey"), applicantId, "C01");
        hr.put(applicantId, record);
        scores.put(applicantId, new Integer[] {written, interview});
    }

    private static Duration applicationWindow() {
        // ten working days from Monday 5 January: Monday 19 January
        return Duration.ofDays(14);
    }

    private void closeApplications(ProcessInstance round) {
        Date closes = (Date) runtimeService().getVariable(round.getId(), "applicationClosesAt");
        assertThat(closes.toInstant()).isEqualTo(ROUND_OPENS.plus(applicationWindow()));
        at(closes.toInstant().minusSeconds(60), round);
        assertThat(round).isWaitingAt("applicationWindow");
        at(closes.toInstant(), round);
        assertThat(round).isWaitingAt("screenCandidates");
    }

    private void closeApplicationsAndScore(ProcessInstance round) {
        closeApplications(round);
        for (String applicantId : ledger.applicants((String) runtimeService().getVariable(round.getId(), "roundKey"))) {
            ProcessInstance s = screeningOf(round, applicantId);
            complete(s, "recommend", "recommended", true, "recommendationNote", "同意推荐");
            assertThat(taskOf(s)).hasCandidateGroup("assessment-panel");
            complete(s, "writtenTest", "writtenScore", (double) scores.get(applicantId)[0]);
            complete(s, "interview", "interviewScore", (double) scores.get(applicantId)[1]);
            assertThat(s).isEnded().hasPassed("scored");
        }
        runDue(round);
        assertThat(round).isWaitingAt("waitlistExpiry");
    }

    private void offer(ProcessInstance appointment) {
        complete(appointment, "inspection", "inspectionPassed", true, "inspectionNote", "合格");
        Date end = (Date) runtimeService().getVariable(appointment.getId(), "publicityEndAt");
        at(end.toInstant().plusSeconds(60), appointment);
        complete(appointment, "committeeDecision", "appointmentApproved", true);
        assertThat(appointment).isWaitingAt("awaitReporting");
    }

    private void appointAllTheWay(ProcessInstance appointment) {
        offer(appointment);
        runtimeService().createMessageCorrelation("MSG_REPORTED").processInstanceBusinessKey(appointment.getBusinessKey())
                .correlate();
        at(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(93)), appointment);
        complete(appointment, "probationReview", "probationPassed", true, "probationNote", "合格");
    }

    private ProcessInstance screeningOf(ProcessInstance round, String applicantId) {
        return child(round, "candidate-screening", applicantId);
    }

    private ProcessInstance appointmentOf(ProcessInstance round, String applicantId) {
        return child(round, "candidate-appointment", applicantId);
    }

    private ProcessInstance child(ProcessInstance round, String key, String applicantId) {
        String businessKey = runtimeService().getVariable(round.getId(), "roundKey") + "-" + applicantId;
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(key)
                .processInstanceBusinessKey(businessKey).singleResult();
        if (pi != null) {
            return pi;
        }
        HistoricProcessInstance done = historyService().createHistoricProcessInstanceQuery().processDefinitionKey(key)
                .processInstanceBusinessKey(businessKey).singleResult();
        assertThat(done).as(key + " of " + applicantId).isNotNull();
        return runtimeService().createProcessInstanceQuery().processInstanceId(done.getId()).singleResult();
    }

    private static Task taskOf(ProcessInstance pi) {
        List<Task> tasks = taskService().createTaskQuery().processInstanceId(pi.getId()).list();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private static void complete(ProcessInstance pi, String taskKey, Object... variables) {
        Task task = taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey).isNotNull();
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            values.put((String) variables[i], variables[i + 1]);
        }
        taskService().complete(task.getId(), values);
    }

    private static Object historicVariable(ProcessInstance pi, String name) {
        return historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
                .singleResult().getValue();
    }

    /** Moves the clock and runs what is due in the given instances (not the January timer of next year's round). */
    private static void at(Instant instant, ProcessInstance... instances) {
        ClockUtil.setCurrentTime(Date.from(instant));
        runDue(instances);
    }

    private static void runDue(ProcessInstance... instances) {
        boolean ran = true;
        while (ran) {
            ran = false;
            for (ProcessInstance pi : instances) {
                for (Job job : managementService().createJobQuery().processInstanceId(pi.getId()).executable().list()) {
                    managementService().executeJob(job.getId());
                    ran = true;
                }
            }
        }
    }
}

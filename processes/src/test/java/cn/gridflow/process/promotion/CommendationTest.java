package cn.gridflow.process.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 表彰奖励 (domain-spec §4.4): screening, scoring, 5-working-day publicity with objections, decision, award. */
@Deployment(resources = {"bpmn/commendation.bpmn", "dmn/commendation-screening.dmn"})
class CommendationTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    public static class RecordingAward {
        final List<String> awarded = new ArrayList<>();

        public void award(DelegateExecution execution) {
            awarded.add(execution.getVariable("nomineeType") + " " + execution.getVariable("nomineeId"));
        }
    }

    final RecordingAward award = new RecordingAward();

    @BeforeEach
    void register() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T01:00:00Z"))); // a Monday
        Mocks.register("workCalendar", new PromotionFixture.WeekdayCalendar());
        Mocks.register("promotionScoring", new PromotionScoring(3.0));
        Mocks.register("commendationAward", award);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance nominate(String type, int complaints, boolean disciplined) {
        return runtimeService().startProcessInstanceByKey("commendation", "CM-" + type, withVariables(
                "nomineeType", type, "nomineeName", "张伟", "nomineeId", "grid0101", "achievements", "防台期间连续值守",
                "sustainedComplaints", complaints, "disciplinedLastYear", disciplined));
    }

    private static void passPublicity(ProcessInstance pi) {
        Date end = (Date) runtimeService().getVariable(pi.getId(), "publicityEndAt");
        // five working days from Monday 7 December: Monday 14 December
        assertThat(end.toInstant()).isEqualTo(Instant.parse("2026-12-14T01:00:00Z"));
        ClockUtil.setCurrentTime(Date.from(end.toInstant().minusSeconds(60)));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(Date.from(end.toInstant().plusSeconds(60)));
        for (Job job : managementService().createJobQuery().processInstanceId(pi.getId()).executable().list()) {
            managementService().executeJob(job.getId());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"RESIDENT_COMMITTEE", "UNIT", "SOCIAL_ORG", "SOCIAL_WORKER", "GRID_STAFF", "VOLUNTEER"})
    void eachOfTheSixNomineeTypesGoesThroughScreeningScoringPublicityAndDecision(String type) {
        ProcessInstance pi = nominate(type, 0, false);
        assertThat(pi).isWaitingAt("scoreNominee");
        assertThat(task(pi)).hasCandidateGroup("assessment-panel");
        complete(task(pi), withVariables("commendationScore", 92.0, "panelRecommends", true));
        assertThat(pi).isWaitingAt("commendationPublicityPeriod");
        passPublicity(pi);
        assertThat(pi).isWaitingAt("approveCommendation");
        assertThat(task(pi)).hasCandidateGroup("city-gov-approver");
        complete(task(pi), withVariables("commendationApproved", true));
        assertThat(pi).isEnded().hasPassed("publishCommendation", "commended");
        assertThat(award.awarded).containsExactly(type + " grid0101");
    }

    @Test
    void aNomineeWithASustainedComplaintAndDisciplineIsScreenedOutWithBothReasons() {
        ProcessInstance pi = nominate("GRID_STAFF", 1, true);
        assertThat(pi).isEnded().hasPassed("screenedOut");
        assertThat(award.awarded).isEmpty();
        assertThat(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService()
                .createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName("screeningViolations")
                .singleResult().getValue()).isEqualTo("SUSTAINED_COMPLAINT,DISCIPLINE_LAST_YEAR");
    }

    @Test
    void aSubstantiatedObjectionDuringThePublicityEndsTheNominationWithoutAward() {
        ProcessInstance pi = nominate("VOLUNTEER", 0, false);
        complete(task(pi), withVariables("commendationScore", 85.0, "panelRecommends", true));
        runtimeService().createMessageCorrelation("MSG_OBJECTION_FILED").processInstanceBusinessKey("CM-VOLUNTEER")
                .setVariable("objectionText", "事迹材料不实").correlate();
        assertThat(task(pi)).hasCandidateGroup("governance-admin");
        complete(task(pi), withVariables("objectionSubstantiated", true));
        assertThat(pi).isEnded().hasPassed("commendationObjectionUpheldBoundary", "notCommended");
        assertThat(award.awarded).isEmpty();
    }

    @Test
    void thePanelOrTheApproverMayDecline() {
        ProcessInstance declined = nominate("UNIT", 0, false);
        complete(task(declined), withVariables("commendationScore", 50.0, "panelRecommends", false));
        assertThat(declined).isEnded().hasPassed("notCommended");

        ProcessInstance rejected = nominate("SOCIAL_ORG", 0, false);
        complete(task(rejected), withVariables("commendationScore", 80.0, "panelRecommends", true));
        passPublicity(rejected);
        complete(task(rejected), withVariables("commendationApproved", false));
        assertThat(rejected).isEnded().hasPassed("notCommended").hasNotPassed("publishCommendation");
        assertThat(award.awarded).isEmpty();
    }
}

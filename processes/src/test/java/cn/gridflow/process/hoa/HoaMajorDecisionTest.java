package cn.gridflow.process.hoa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import cn.gridflow.process.Counter;
import cn.gridflow.process.Groups;
import cn.gridflow.process.hoa.VoteTallyService.Choice;
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
 * hoa-major-decision and its call activity hoa-fund-payment: the acceptance scenarios H1–H5 of domain-spec §2.7
 * (400 owners, 40,000.00 m²), walked with the engine clock, plus the guards of §2.3.
 */
@Deployment(resources = {"bpmn/hoa-major-decision.bpmn", "bpmn/hoa-fund-payment.bpmn",
        "dmn/hoa-matter-classification.dmn", "dmn/owner-vote-threshold.dmn",
        "forms/hoa-proposal.form", "forms/hoa-meeting-notice.form", "forms/hoa-committee-deliberation.form", "forms/hoa-revise.form",
        "forms/hoa-party-review.form", "forms/hoa-decide-revote.form", "forms/hoa-filing.form",
        "forms/hoa-supplement.form", "forms/hoa-implement.form", "forms/hoa-payment-request.form",
        "forms/hoa-payment-approval.form", "forms/hoa-payment-execute.form"})
class HoaMajorDecisionTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    static final long ELEVATOR_FEN = 28_000_000L; // ¥280,000
    /** 审1 meets 7 days after the proposal, the shortest notice the committee may give [S30]. */
    static final Instant MEETING = START.plus(Duration.ofDays(7));

    final HoaStandIns.Journal journal = new HoaStandIns.Journal();
    final HoaStandIns.BallotBox box = new HoaStandIns.BallotBox(journal);
    final HoaStandIns.Fund fund = new HoaStandIns.Fund(journal);

    @BeforeEach
    void register() {
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("groups", new Groups());
        Mocks.register("counter", new Counter());
        Mocks.register("hoaRules", new HoaRules());
        Mocks.register("workCalendar", new HoaStandIns.NaturalCalendar());
        Mocks.register("hoaMatters", new HoaStandIns.Matters(journal));
        Mocks.register("hoaVoting", box);
        Mocks.register("hoaPublications", new HoaStandIns.Publications(journal));
        Mocks.register("hoaFilings", new HoaStandIns.Filings(journal));
        Mocks.register("hoaNotices", new HoaStandIns.Notices(journal));
        Mocks.register("hoaFund", fund);
        Mocks.register("hoaAgency", new HoaStandIns.Agency(journal));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // ---------------------------------------------------------------- helpers

    private ProcessInstance propose(String matterType, Long budgetFen, String fundSource) {
        return runtimeService().startProcessInstanceByKey("hoa-major-decision", "HOA-20260302-00001", withVariables(
                "propertyAreaId", "EST01", "communityId", "C01", "matterType", matterType, "title", "议题",
                "proposalText", "议案全文", "budgetFen", budgetFen, "fundSource", fundSource,
                "assemblyMode", "GENERAL"));
    }

    private Task taskAt(ProcessInstance pi, String activityId) {
        return taskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).singleResult();
    }

    private void completeAs(ProcessInstance pi, String activityId, String user, Map<String, Object> variables) {
        Task task = taskAt(pi, activityId);
        assertThat(task).as("task " + activityId).isNotNull();
        taskService().setAssignee(task.getId(), user);
        taskService().complete(task.getId(), variables);
    }

    /** The chair announces the meeting for 7 days from now; the meeting-date timer then opens 审1. */
    private void announceAndMeet(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("announceMeeting");
        completeAs(pi, "announceMeeting", "chair", withVariables("committeeMeetingAt",
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7))), "meetingPlace", "物业活动室"));
        assertThat(pi).isWaitingAt("waitCommitteeMeeting");
        fire(pi, "waitCommitteeMeeting");
        assertThat(pi).isWaitingAt("committeeDeliberation");
    }

    private void committee(ProcessInstance pi, int present, int inFavour) {
        if (taskAt(pi, "announceMeeting") != null) {
            announceAndMeet(pi);
        }
        completeAs(pi, "committeeDeliberation", "chair", withVariables("membersPresent", present,
                "membersFor", inFavour, "committeeMinutes", "会议纪要"));
    }

    private void party(ProcessInstance pi, String decision, String opinion) {
        completeAs(pi, "partyReview", "party", withVariables("partyDecision", decision, "partyOpinion", opinion));
    }

    private Date dateVar(ProcessInstance pi, String name) {
        return (Date) runtimeService().getVariable(pi.getId(), name);
    }

    private Object variable(ProcessInstance pi, String name) {
        return runtimeService().getVariable(pi.getId(), name);
    }

    /** Moves the engine clock to the timer's due date and runs it, as the job executor would. */
    private void fire(ProcessInstance pi, String activityId) {
        Job job = managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
        assertThat(job).as("timer at " + activityId).isNotNull();
        if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(job.getDuedate());
        }
        managementService().executeJob(job.getId());
    }

    /** Through 审1 and 审2 to the published proposal, waiting for voting to open. */
    private void approvedAndPublished(ProcessInstance pi) {
        committee(pi, 7, 5);
        assertThat(pi).isWaitingAt("partyReview");
        party(pi, "APPROVE", "同意提交业主大会表决");
        assertThat(pi).isWaitingAt("waitVoteOpen");
    }

    private void openVoting(ProcessInstance pi) {
        fire(pi, "waitVoteOpen");
        assertThat(pi).isWaitingAt("voteClosed");
    }

    /** H1's electorate: yes 150 owners / 15,400 m², no 130 / 12,600 m², 120 absent / 12,000 m². */
    private void h1Electorate() {
        long[] areas = new long[280];
        for (int i = 0; i < 280; i++) {
            areas[i] = i < 140 ? 10_000 : i < 150 ? 14_000 : i < 270 ? 10_000 : 6_000;
        }
        box.owners(400, areas);
    }

    private void h1VoteAndPass(ProcessInstance pi, int round) {
        openVoting(pi);
        box.cast(round, 1, 150, Choice.YES);
        box.cast(round, 151, 280, Choice.NO);
        fire(pi, "voteClosed");
        assertThat(pi).isWaitingAt("fileResolution");
    }

    private ProcessInstance paymentOf(ProcessInstance pi) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    }

    private void dualApprovalAndPayment(ProcessInstance payment) {
        assertThat(payment).isWaitingAt("chairApproval", "memberApproval");
        assertThat(taskAt(payment, "chairApproval")).hasCandidateGroup("hoa-chair:EST01");
        assertThat(taskAt(payment, "memberApproval")).hasCandidateGroup("hoa-member:EST01");
        completeAs(payment, "chairApproval", "chair", withVariables("approved", true));
        completeAs(payment, "memberApproval", "member2", withVariables("approved", true));
        assertThat(payment).isWaitingAt("executePayment");
        assertThat(taskAt(payment, "executePayment")).hasCandidateGroup("fin-agent:EST01");
        completeAs(payment, "executePayment", "agent", withVariables("paymentRef", "BANK-0001"));
    }

    // ---------------------------------------------------------------- H1

    @Test
    void h1ElevatorRepairPassesIsPaidThroughTheAgentPublishedMonthlyAndArchived() {
        h1Electorate();
        ProcessInstance pi = propose("USE_MAINTENANCE_FUND", ELEVATOR_FEN, "MAINTENANCE_FUND");
        assertThat(pi).isWaitingAt("announceMeeting").variables()
                .containsEntry("voteTier", "ORDINARY").containsEntry("isMajor", true).containsEntry("membersTotal", 9)
                .containsEntry("voteRound", 1).containsEntry("budgetFen", ELEVATOR_FEN);
        assertThat(taskAt(pi, "announceMeeting")).hasCandidateGroup("hoa-chair:EST01");
        announceAndMeet(pi);
        assertThat(ClockUtil.getCurrentTime()).isEqualTo(Date.from(MEETING));
        assertThat(taskAt(pi, "committeeDeliberation")).hasCandidateGroup("hoa-chair:EST01")
                .hasDueDate(Date.from(MEETING.plus(Duration.ofDays(2)))); // minutes within 2 working days

        committee(pi, 7, 5); // 7×2 > 9 present, 5×2 ≥ 9 in favour
        assertThat(pi).isWaitingAt("partyReview").variables().containsEntry("committeePassed", true);
        assertThat(taskAt(pi, "partyReview")).hasCandidateGroup("party-org:C01")
                .hasDueDate(Date.from(MEETING.plus(Duration.ofDays(5))));
        party(pi, "APPROVE", "同意");

        // 公开1: published now, voting opens 15 days later at the earliest and lasts 15 days.
        assertThat(pi).isWaitingAt("waitVoteOpen");
        assertThat(journal.entries).containsSubsequence("PUBLISH MEETING_NOTICE", "PUBLISH PROPOSAL");
        assertThat(dateVar(pi, "voteOpenAt")).isEqualTo(Date.from(MEETING.plus(Duration.ofDays(15))));
        assertThat(dateVar(pi, "voteCloseAt")).isEqualTo(Date.from(MEETING.plus(Duration.ofDays(30))));
        assertThatThrownBy(() -> box.cast(1, "O1", Choice.YES)).hasMessageContaining("closed");

        h1VoteAndPass(pi, 1);
        assertThat(pi).variables().containsEntry("participatingCount", 280L).containsEntry("yesCount", 150L)
                .containsEntry("participatingAreaCenti", 2_800_000L).containsEntry("yesAreaCenti", 1_540_000L)
                .containsEntry("totalOwnerCount", 400L).containsEntry("totalAreaCenti", 4_000_000L)
                .containsEntry("quorumMet", true).containsEntry("passed", true).containsEntry("resolutionNo", "JY-1");
        assertThat(journal.entries).containsSubsequence("PUBLISH PROPOSAL", "OPEN round 1",
                "CLOSE round 1 quorum=true passed=true", "PUBLISH RESOLUTION");
        assertThat(taskAt(pi, "fileResolution")).hasCandidateGroup("community-filing:C01");

        completeAs(pi, "fileResolution", "filer", withVariables("filingOutcome", "ACCEPTED"));
        assertThat(pi).isWaitingAt("payViaAgent");
        ProcessInstance payment = paymentOf(pi);
        assertThat(payment).variables().containsEntry("amountFen", ELEVATOR_FEN).containsEntry("remainingFen", ELEVATOR_FEN);
        dualApprovalAndPayment(payment);
        assertThat(payment).isEnded().hasPassed("paymentMade");
        assertThat(journal.entries).contains("PAID " + ELEVATOR_FEN);

        // 公开2: the implementation status goes out every month while the work goes on.
        assertThat(pi).isWaitingAt("implement").variables().containsEntry("paymentStatus", "PAID");
        fire(pi, "monthlyStatus");
        fire(pi, "monthlyStatus");
        assertThat(journal.count("PUBLISH IMPLEMENTATION_STATUS")).isEqualTo(2);
        completeAs(pi, "implement", "chair", withVariables("implementationReport", "电梯已更换并验收",
                "implementationDone", true));
        assertThat(journal.entries).contains("PUBLISH IMPLEMENTATION_RESULT");
        completeAs(pi, "fileImplementation", "filer", withVariables("filingOutcome", "ACCEPTED"));
        assertThat(pi).isEnded().hasPassed("implementedArchived");
        assertThat(journal.entries).contains("FILING RESOLUTION ACCEPTED", "FILING IMPLEMENTATION ACCEPTED",
                "CLOSE IMPLEMENTED_ARCHIVED");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    // ---------------------------------------------------------------- H2

    @Test
    void h2PartyRejectsAConflictOfInterestAndNothingIsPublishedForAVote() {
        ProcessInstance pi = propose("CHANGE_COMMON_USE", 0L, null);
        assertThat(pi).variables().containsEntry("voteTier", "SPECIAL");
        committee(pi, 9, 6);
        party(pi, "REJECT", "承租方与业委会委员存在关联关系（利益冲突）");
        assertThat(pi).isEnded().hasPassed("notifyProposers", "rejectedPartyReview").hasNotPassed("publishProposal");
        assertThat(journal.entries).contains("NOTIFY proposers: 承租方与业委会委员存在关联关系（利益冲突）",
                "CLOSE REJECTED_PARTY_REVIEW");
        // only the committee's meeting notice went out; no vote was published
        assertThat(journal.entries).filteredOn(e -> e.startsWith("PUBLISH")).containsExactly("PUBLISH MEETING_NOTICE");
    }

    @Test
    void thePartyMayReturnTwiceThenOnlyApproveOrReject() {
        ProcessInstance pi = propose("HIRE_FIRE_MANAGER", null, null);
        for (int i = 1; i <= 2; i++) {
            committee(pi, 5, 5);
            party(pi, "RETURN", "请补充物业企业资质材料");
            assertThat(pi).isWaitingAt("reviseProposal").variables().containsEntry("partyReturnCount", i);
            completeAs(pi, "reviseProposal", "chair", withVariables("reviseAction", "RESUBMIT", "proposalText", "修改稿" + i));
        }
        committee(pi, 5, 5);
        assertThatThrownBy(() -> party(pi, "RETURN", "再退回")).hasMessageContaining("approve or reject");
        assertThat(pi).isWaitingAt("partyReview").variables().containsEntry("partyReturnCount", 2);
        assertThatThrownBy(() -> party(pi, "REJECT", " ")).hasMessageContaining("opinion");
        party(pi, "APPROVE", null);
        assertThat(pi).isWaitingAt("waitVoteOpen");
    }

    @Test
    void aCommitteeWithoutAQuorumOrWithoutHalfOfAllMembersFailsAndTheChairMayWithdraw() {
        ProcessInstance pi = propose("OTHER_MAJOR", null, null);
        committee(pi, 4, 4); // 4 of 9 present: no meeting
        assertThat(pi).isWaitingAt("reviseProposal").variables().containsEntry("committeePassed", false);
        completeAs(pi, "reviseProposal", "chair", withVariables("reviseAction", "RESUBMIT", "proposalText", "再议"));
        committee(pi, 9, 4); // all present, but 4 of 9 is less than half of ALL members
        assertThat(pi).isWaitingAt("reviseProposal");
        completeAs(pi, "reviseProposal", "chair", withVariables("reviseAction", "WITHDRAW", "proposalText", "撤回"));
        assertThat(pi).isEnded().hasPassed("withdrawn");
        assertThat(journal.entries).contains("CLOSE WITHDRAWN");
    }

    @Test
    void impossibleCommitteeCountsAreRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = propose("OTHER_MAJOR", null, null);
        assertThatThrownBy(() -> committee(pi, 7, 8)).hasMessageContaining("for ≤ present ≤ total");
        assertThatThrownBy(() -> committee(pi, 10, 5)).hasMessageContaining("for ≤ present ≤ total");
        assertThat(pi).isWaitingAt("committeeDeliberation");
    }

    @Test
    void anOverduePartyReviewIsEscalatedAndStaysOpen() {
        ProcessInstance pi = propose("OTHER_MAJOR", null, null);
        committee(pi, 7, 5);
        fire(pi, "partyReviewOverdue");
        assertThat(ClockUtil.getCurrentTime()).isEqualTo(Date.from(MEETING.plus(Duration.ofDays(5))));
        assertThat(journal.entries).contains("ESCALATE party review");
        assertThat(pi).isWaitingAt("partyReview");
    }


    // ---------------------------------------------------------------- meeting notice (审1 announced 7 days ahead)

    @Test
    void aCommitteeMeetingLessThanSevenDaysAheadIsRefusedAndTheDeliberationWaitsForTheAnnouncedDate() {
        ProcessInstance pi = propose("OTHER_MAJOR", null, null);
        assertThat(taskAt(pi, "announceMeeting")).hasDueDate(Date.from(START.plus(Duration.ofDays(5))));
        // 6 days 23 hours ahead: too early; the form's local time (Beijing) is read in the city's zone.
        assertThatThrownBy(() -> completeAs(pi, "announceMeeting", "chair", withVariables(
                "committeeMeetingAt", "2026-03-09T08:00", "meetingPlace", "物业活动室")))
                .hasMessageContaining("at least 7 days");
        assertThat(pi).isWaitingAt("announceMeeting");
        assertThat(journal.entries).noneMatch(e -> e.startsWith("PUBLISH"));

        // exactly 7 days (2026-03-09 09:00 Beijing = START + 7 days) is enough
        completeAs(pi, "announceMeeting", "chair", withVariables("committeeMeetingAt", "2026-03-09T09:00",
                "meetingPlace", "物业活动室"));
        assertThat(pi).isWaitingAt("waitCommitteeMeeting").variables()
                .containsEntry("committeeMeetingAt", Date.from(MEETING)).containsEntry("meetingAnnouncedAt", Date.from(START));
        assertThat(journal.entries).containsExactly("REGISTER OTHER_MAJOR", "PUBLISH MEETING_NOTICE");
        Job meeting = managementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("waitCommitteeMeeting").singleResult();
        assertThat(meeting.getDuedate()).isEqualTo(Date.from(MEETING));
        assertThat(taskAt(pi, "committeeDeliberation")).isNull();
        fire(pi, "waitCommitteeMeeting");
        assertThat(pi).isWaitingAt("committeeDeliberation");
    }

    @Test
    void aRevisedProposalGoesToANewlyAnnouncedMeeting() {
        ProcessInstance pi = propose("OTHER_MAJOR", null, null);
        committee(pi, 4, 4);
        completeAs(pi, "reviseProposal", "chair", withVariables("reviseAction", "RESUBMIT", "proposalText", "再议"));
        assertThat(pi).isWaitingAt("announceMeeting");
        committee(pi, 7, 5);
        assertThat(pi).isWaitingAt("partyReview");
        assertThat(journal.count("PUBLISH MEETING_NOTICE")).isEqualTo(2);
        assertThat(ClockUtil.getCurrentTime()).isEqualTo(Date.from(START.plus(Duration.ofDays(14))));
    }

    // ---------------------------------------------------------------- 业财代理 engaged by a filed resolution

    @Test
    void aFiledResolutionAppointingAnAgentStartsTheAgencyOnceOtherMattersDoNot() {
        h1Electorate();
        ProcessInstance pi = propose("APPOINT_FIN_AGENT", null, null);
        approvedAndPublished(pi);
        h1VoteAndPass(pi, 1);
        assertThat(journal.entries).noneMatch(e -> e.startsWith("ENGAGE"));
        completeAs(pi, "fileResolution", "filer", withVariables("filingOutcome", "RETURNED", "filingNote", "缺签到表"));
        assertThat(journal.entries).noneMatch(e -> e.startsWith("ENGAGE")); // not filed yet
        completeAs(pi, "supplementResolutionFiling", "chair", withVariables("supplementNote", "已补"));
        completeAs(pi, "fileResolution", "filer", withVariables("filingOutcome", "ACCEPTED"));
        assertThat(pi).hasPassed("engageAgency").isWaitingAt("implement");
        assertThat(journal.count("ENGAGE")).isEqualTo(1);
        assertThat(journal.entries).contains("ENGAGE JY-1");
    }

    @Test
    void aFiledResolutionOfAnotherTypeEngagesNoAgent() {
        h1Electorate();
        ProcessInstance pi = propose("OTHER_MAJOR", null, null);
        approvedAndPublished(pi);
        h1VoteAndPass(pi, 1);
        completeAs(pi, "fileResolution", "filer", withVariables("filingOutcome", "ACCEPTED"));
        assertThat(pi).hasNotPassed("engageAgency").isWaitingAt("implement");
        assertThat(journal.count("ENGAGE")).isZero();
    }

    // ---------------------------------------------------------------- H3

    private ProcessInstance h3ToSecondRound() {
        box.owners(400);
        ProcessInstance pi = propose("ELECT_COMMITTEE", null, null);
        approvedAndPublished(pi);
        openVoting(pi);
        box.cast(1, 1, 250, Choice.YES); // 62.5 %
        Date firstClose = dateVar(pi, "voteCloseAt");
        fire(pi, "voteClosed");
        // Quorum missed the first time: the same round is extended by 15 days and the extension published.
        assertThat(pi).isWaitingAt("voteClosed").variables().containsEntry("extensionUsed", true)
                .containsEntry("participatingCount", 250L).containsEntry("quorumMet", false);
        assertThat(dateVar(pi, "voteCloseAt")).isEqualTo(Date.from(firstClose.toInstant().plus(Duration.ofDays(15))));
        assertThat(journal.entries).contains("PUBLISH VOTE_EXTENSION");
        box.cast(1, 251, 262, Choice.YES);
        fire(pi, "voteClosed");
        assertThat(pi).isWaitingAt("decideRevote").variables().containsEntry("participatingCount", 262L);
        completeAs(pi, "decideRevote", "chair", withVariables("revote", true, "revoteNote", "上门收集书面意见"));
        assertThat(pi).isWaitingAt("waitVoteOpen").variables().containsEntry("voteRound", 2)
                .containsEntry("participatingCount", 0L);
        openVoting(pi);
        return pi;
    }

    @Test
    void h3SecondRoundDoorToDoorReaches267OwnersAndMeetsTheQuorum() {
        ProcessInstance pi = h3ToSecondRound();
        box.cast(2, 1, 200, Choice.YES);
        box.cast(2, 201, 267, Choice.NO);
        fire(pi, "voteClosed");
        assertThat(pi).variables().containsEntry("participatingCount", 267L)
                .containsEntry("participatingAreaCenti", 2_670_000L).containsEntry("quorumMet", true)
                .containsEntry("passed", true);
        assertThat(pi).isWaitingAt("fileResolution");
    }

    @Test
    void h3With266OwnersInTheSecondRoundTheDecisionFailsForWantOfQuorum() {
        ProcessInstance pi = h3ToSecondRound();
        box.cast(2, 1, 266, Choice.YES);
        fire(pi, "voteClosed");
        // The one extension was used in round 1, so the chair decides at once; a third round is not allowed.
        assertThat(pi).isWaitingAt("decideRevote").variables().containsEntry("quorumMet", false);
        completeAs(pi, "decideRevote", "chair", withVariables("revote", true));
        assertThat(pi).isEnded().hasPassed("failedNoQuorum");
        assertThat(journal.entries).contains("CLOSE FAILED_NO_QUORUM");
    }

    // ---------------------------------------------------------------- H4

    private ProcessInstance h4(int yesOwners) {
        long[] areas = new long[300];
        for (int i = 0; i < 300; i++) {
            areas[i] = i < 216 ? 10_268 : i < 224 ? 10_264 : i < 299 ? 9_210 : 9_250;
        }
        box.owners(400, areas);
        ProcessInstance pi = propose("CHANGE_COMMON_USE", null, null);
        approvedAndPublished(pi);
        openVoting(pi);
        box.cast(1, 1, yesOwners, Choice.YES);
        box.cast(1, yesOwners + 1, 300, Choice.NO);
        fire(pi, "voteClosed");
        return pi;
    }

    @Test
    void h4GreenSpaceToParkingFailsOnTheHeadCountWith224Of300() {
        ProcessInstance pi = h4(224);
        assertThat(pi).variables().containsEntry("participatingAreaCenti", 3_000_000L)
                .containsEntry("yesAreaCenti", 2_300_000L).containsEntry("superArea", true)
                .containsEntry("superCount", false).containsEntry("quorumMet", true).containsEntry("passed", false);
        assertThat(pi).isEnded().hasPassed("publishVoteResult", "rejectedByVote");
        assertThat(journal.entries).contains("PUBLISH VOTE_RESULT", "CLOSE REJECTED_BY_VOTE");
    }

    @Test
    void h4With225YesOwnersTheChangeOfUsePasses() {
        ProcessInstance pi = h4(225);
        assertThat(pi).variables().containsEntry("superCount", true).containsEntry("passed", true);
        assertThat(pi).isWaitingAt("fileResolution");
    }

    // ---------------------------------------------------------------- H5

    @Test
    void h5ADefectFoundAtFilingAfterThePaymentRecoversTheMoneyAndTheSecondRoundIsArchived() {
        h1Electorate();
        ProcessInstance pi = propose("USE_MAINTENANCE_FUND", ELEVATOR_FEN, "MAINTENANCE_FUND");
        approvedAndPublished(pi);
        h1VoteAndPass(pi, 1);
        completeAs(pi, "fileResolution", "filer", withVariables("filingOutcome", "ACCEPTED"));
        dualApprovalAndPayment(paymentOf(pi));
        assertThat(fund.paid()).isEqualTo(ELEVATOR_FEN);
        completeAs(pi, "implement", "chair", withVariables("implementationReport", "已实施", "implementationDone", true));

        // 12 ballots without owner signatures: a procedural defect → money recovered, re-vote in round 2.
        completeAs(pi, "fileImplementation", "filer", withVariables("filingOutcome", "DEFECT",
                "filingNote", "12 张选票无业主签名"));
        assertThat(journal.entries).contains("RECOVER " + ELEVATOR_FEN);
        assertThat(fund.paid()).isZero();
        assertThat(pi).isWaitingAt("waitVoteOpen").variables().containsEntry("voteRound", 2);
        assertThat(pi).hasPassed("recoverPayment", "startDefectRound");

        h1VoteAndPass(pi, 2);
        assertThat(pi).variables().containsEntry("resolutionNo", "JY-2");
        completeAs(pi, "fileResolution", "filer", withVariables("filingOutcome", "ACCEPTED"));
        dualApprovalAndPayment(paymentOf(pi));
        completeAs(pi, "implement", "chair", withVariables("implementationReport", "已实施", "implementationDone", true));
        completeAs(pi, "fileImplementation", "filer", withVariables("filingOutcome", "ACCEPTED"));
        assertThat(pi).isEnded().hasPassed("implementedArchived");
        assertThat(journal.count("RECOVER")).isEqualTo(1);
        assertThat(fund.paid()).isEqualTo(ELEVATOR_FEN);
        assertThat(journal.entries).contains("CLOSE IMPLEMENTED_ARCHIVED");
    }

    @Test
    void aResolutionAnnulledWhileBeingCarriedOutRecoversThePaymentAndIsRevoked() {
        h1Electorate();
        ProcessInstance pi = propose("USE_MAINTENANCE_FUND", ELEVATOR_FEN, "MAINTENANCE_FUND");
        approvedAndPublished(pi);
        h1VoteAndPass(pi, 1);
        completeAs(pi, "fileResolution", "filer", withVariables("filingOutcome", "ACCEPTED"));
        dualApprovalAndPayment(paymentOf(pi));
        assertThat(pi).isWaitingAt("implement");
        runtimeService().createMessageCorrelation("MSG_RESOLUTION_REVOKED").processInstanceId(pi.getId()).correlate();
        assertThat(pi).isEnded().hasPassed("recoverPayment", "compensateOnRevocation", "revokedWhileImplementing")
                .hasNotPassed("implementedArchived");
        assertThat(journal.entries).containsSubsequence("PAID " + ELEVATOR_FEN, "RECOVER " + ELEVATOR_FEN, "CLOSE REVOKED");
        assertThat(fund.paid()).isZero();
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aDefectFoundAtResolutionFilingInTheSecondRoundRevokesTheResolution() {
        h1Electorate();
        ProcessInstance pi = propose("USE_MAINTENANCE_FUND", ELEVATOR_FEN, "MAINTENANCE_FUND");
        approvedAndPublished(pi);
        h1VoteAndPass(pi, 1);
        completeAs(pi, "fileResolution", "filer", withVariables("filingOutcome", "RETURNED", "filingNote", "缺表决统计表"));
        assertThat(pi).isWaitingAt("supplementResolutionFiling");
        completeAs(pi, "supplementResolutionFiling", "chair", withVariables("supplementNote", "已补表决统计表"));
        completeAs(pi, "fileResolution", "filer", withVariables("filingOutcome", "DEFECT", "filingNote", "计票错误"));
        assertThat(pi).isWaitingAt("waitVoteOpen").variables().containsEntry("voteRound", 2);
        h1VoteAndPass(pi, 2);
        completeAs(pi, "fileResolution", "filer", withVariables("filingOutcome", "DEFECT", "filingNote", "仍有瑕疵"));
        assertThat(pi).isEnded().hasPassed("revoked");
        assertThat(journal.entries).contains("FILING RESOLUTION RETURNED", "CLOSE REVOKED");
        assertThat(journal.count("RECOVER")).isZero(); // nothing had been paid
    }

    // ---------------------------------------------------------------- voting by message, payments

    @Test
    void ballotsArriveAsMessagesOnlyWhileVotingIsOpenAndOncePerOwner() {
        box.owners(3);
        ProcessInstance pi = propose("OTHER_MAJOR", null, null);
        approvedAndPublished(pi);
        assertThatThrownBy(() -> castByMessage(pi, "O1", "YES")).isInstanceOf(RuntimeException.class);
        openVoting(pi);
        castByMessage(pi, "O1", "YES");
        castByMessage(pi, "O2", "YES");
        assertThatThrownBy(() -> castByMessage(pi, "O2", "NO")).hasMessageContaining("already voted");
        assertThat(box.ballotsByRound.get(1)).containsEntry("O2", Choice.YES).hasSize(2);
        fire(pi, "voteClosed");
        assertThat(pi).variables().containsEntry("participatingCount", 2L).containsEntry("passed", true);
        assertThat(runtimeService().getVariable(pi.getId(), "voterKey")).isNull(); // ballot data stays in its scope
    }

    private void castByMessage(ProcessInstance pi, String voterKey, String choice) {
        runtimeService().createMessageCorrelation("MSG_BALLOT_CAST").processInstanceId(pi.getId())
                .setVariablesLocal(withVariables("voterKey", voterKey, "choice", choice)).correlateWithResult();
    }

    private ProcessInstance requestPayment(long amountFen) {
        return runtimeService().startProcessInstanceByKey("hoa-fund-payment", withVariables("propertyAreaId", "EST01",
                "resolutionNo", "JY-1", "budgetFen", 1_000_000L, "amountFen", amountFen));
    }

    @Test
    void aPaymentAboveTheRemainingBudgetIsRefused() {
        ProcessInstance first = requestPayment(600_000);
        dualApprovalAndPayment(first);
        ProcessInstance second = requestPayment(400_001);
        assertThat(second).isEnded().hasPassed("paymentRefused").variables()
                .containsEntry("remainingFen", 400_000L).containsEntry("paymentStatus", "REFUSED_OVER_BUDGET");
        ProcessInstance third = requestPayment(400_000);
        assertThat(third).isWaitingAt("chairApproval", "memberApproval");
    }

    @Test
    void theTwoApprovalsMustComeFromDifferentPeopleAndBothMustApprove() {
        ProcessInstance payment = requestPayment(1_000);
        completeAs(payment, "memberApproval", "chair", withVariables("approved", true));
        assertThatThrownBy(() -> completeAs(payment, "chairApproval", "chair", withVariables("approved", true)))
                .hasMessageContaining("different people");
        completeAs(payment, "chairApproval", "chair2", withVariables("approved", false));
        assertThat(payment).isEnded().hasPassed("paymentDeclined").hasNotPassed("executePayment");
        assertThat(fund.paid()).isZero();
    }
}

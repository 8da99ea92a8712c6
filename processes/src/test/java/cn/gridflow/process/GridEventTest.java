package cn.gridflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
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
 * grid-event, stage 1 of domain-spec §1.2: admission → triage → DMN routing and SLA → grid / community /
 * department / emergency handling → verification with rework. Scenario names follow §1.9.
 */
@Deployment(resources = {
        "bpmn/grid-event.bpmn",
        "dmn/grid-matter-admission.dmn", "dmn/grid-event-routing.dmn", "dmn/grid-event-sla.dmn",
        "forms/grid-event-report.form", "forms/grid-event-triage.form", "forms/grid-event-dispatch.form",
        "forms/grid-event-resolve.form", "forms/grid-event-verify.form", "forms/grid-event-sign.form",
        "forms/grid-event-assess.form", "forms/grid-event-extension-approve.form", "forms/grid-event-coordinate.form",
        "forms/grid-event-cohandle.form", "forms/grid-event-first-check.form"})
class GridEventTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    final List<String> nonAdmissionNotices = new ArrayList<>();
    final List<String> ratingRequests = new ArrayList<>();
    /** What the supervision ladder sent: kind → group. */
    final List<String> ladder = new ArrayList<>();
    /** What was archived: one close type per ended event. */
    final List<String> archived = new ArrayList<>();

    @BeforeEach
    void registerBeans() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T02:00:00Z")));
        registerStandIns(nonAdmissionNotices, ratingRequests, ladder, new ArrayList<>(), archived);
    }

    /**
     * Stand-ins for the backend's beans: G0101 lies in community C01, peace mode, durations counted as natural time
     * (the working-day calendar has its own tests); notices and ladder steps are collected in the given lists.
     */
    static void registerStandIns(List<String> nonAdmissionNotices, List<String> ratingRequests, List<String> ladder,
                                 List<String> reporterNotices, List<String> archived) {
        Mocks.register("groups", new Groups());
        Mocks.register("counter", new Counter());
        Mocks.register("coordination", new Coordination());
        Mocks.register("resolveLocation", (JavaDelegate) execution -> {
            if ("G0101".equals(execution.getVariable("gridId"))) {
                execution.setVariable("communityId", "C01");
            }
            if (execution.getVariable("cityMode") == null) {
                execution.setVariable("cityMode", "PEACE");
            }
            execution.setVariable("reportDate", ClockUtil.getCurrentTime());
        });
        SlaTimers slaTimers = new SlaTimers(new NaturalCalendar());
        // as in the backend: the first computation is the one that recomputes later
        Mocks.register("computeDueDates", (JavaDelegate) slaTimers::start);
        Mocks.register("signClock", new NaturalSignClock());
        Mocks.register("slaTimers", slaTimers);
        Mocks.register("autoDispatch", new AutoDispatch());
        Mocks.register("reporterNotices", new ReporterNotices(reporterNotices));
        Mocks.register("requestRating", (JavaDelegate) execution -> ratingRequests.add(execution.getProcessBusinessKey()));
        Mocks.register("supervision", new Supervision((execution, kind, group, subject) -> ladder.add(kind + " " + group)));
        Mocks.register("eventArchive", (JavaDelegate) execution ->
                archived.add((String) execution.getVariable("closeType")));
        Mocks.register("notifyNonAdmission", (JavaDelegate) execution ->
                nonAdmissionNotices.add((String) execution.getVariable("nonAdmissionAction")));
    }

    /** Collects what the backend would tell the reporter. */
    public record ReporterNotices(List<String> sent) {
        public void extensionGranted(DelegateExecution execution) {
            sent.add("EXTENSION_GRANTED " + execution.getVariable("extensionWorkdays"));
        }
    }

    /** Natural time for every calendar type; the yellow point at the given fraction of the way. */
    static class NaturalCalendar implements SlaTimers.Calendar {
        @Override
        public Date due(Date from, String isoDuration, String calendarType) {
            return Date.from(from.toInstant().plus(duration(isoDuration)));
        }

        @Override
        public Date fractionOfWay(Date start, Date due, double fraction, String calendarType) {
            return new Date(start.getTime() + Math.round((due.getTime() - start.getTime()) * fraction));
        }
    }

    /** Restarts the signing window on each dispatch, in natural time like {@link NaturalCalendar}. */
    public static class NaturalSignClock {
        public void restart(DelegateExecution execution) {
            String sign = (String) execution.getVariable("signWithin");
            if (sign != null) {
                execution.setVariable("signStartedAt", ClockUtil.getCurrentTime());
                execution.setVariable("signDueAt", Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration(sign))));
            }
        }
    }

    static Duration duration(String iso) {
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
        assertThat(pi).hasPassed("archive");
        assertThat(archived).containsExactly("CLOSED_SELF_RESOLVED");
    }

    @Test
    void g4ADepartmentsDataCollectionIsNotAGridMatter() {
        ProcessInstance pi = report("DEPT_DATA_FILLING", "ROUTINE");

        assertThat(pi).isEnded().hasPassed("notifyNonAdmission", "notAdmitted").hasNotPassed("verifyAndTriage");
        assertThat(pi).variables().containsEntry("admitted", false).containsEntry("nonAdmissionAction", "REJECT_EXPLAIN")
                .containsEntry("closeType", "NOT_ADMITTED");
        assertThat(nonAdmissionNotices).containsExactly("REJECT_EXPLAIN");
        assertThat(archived).as("every end state is archived").containsExactly("NOT_ADMITTED");
    }

    @Test
    void anUnlistedMatterIsReferredToItsDepartment() {
        ProcessInstance pi = report("OTHER", "ROUTINE");
        assertThat(pi).isEnded().hasPassed("notAdmitted");
        assertThat(nonAdmissionNotices).containsExactly("REFER_DEPT");
    }

    private static void sign(ProcessInstance pi, String dept) {
        assertThat(pi).isWaitingAt("signOrReturn");
        assertThat(task(pi)).hasCandidateGroup("dept-handler:" + dept);
        complete(task(pi), withVariables("signDecision", "SIGN"));
    }

    @Test
    void g2AClearCutMatterIsDispatchedByTheSystemAndAReturnGoesToTheDispatcher() {
        ProcessInstance pi = report("FOOD", "ROUTINE");
        complete(task(pi), triage("FOOD", "ROUTINE", false, false));

        // FOOD has a lead department in dept-by-category: the first dispatch needs no dispatcher (§1.2 step 8.1)
        assertThat(pi).hasPassed("clearCut", "autoDispatch").hasNotPassed("dispatch").isWaitingAt("signOrReturn");
        assertThat(pi).variables().containsEntry("handlingLevel", "DEPT").containsEntry("leadDept", "MARKET")
                .containsEntry("dispatchedBy", "系统自动分拨").containsEntry("autoDispatchedTo", "MARKET")
                .containsEntry("signWithin", "P1D").containsEntry("resolveWithin", "P5D")
                .containsEntry("level3After", "P5D");
        assertThat(task(pi)).hasCandidateGroup("dept-handler:MARKET");
        assertThat(task(pi).getDueDate()).isEqualTo(runtimeService().getVariable(pi.getId(), "signDueAt"));

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T04:00:00Z"))); // MARKET returns after 2 h
        complete(task(pi), withVariables("signDecision", "RETURN", "returnReason", "油烟属执法局职责"));
        assertThat(pi).as("a return is redispatched by a person").isWaitingAt("dispatch")
                .variables().containsEntry("returnCount", 1);
        assertThat(task(pi)).hasCandidateGroup("sgc-dispatcher");

        complete(task(pi), withVariables("leadDept", "ENFORCE"));
        sign(pi, "ENFORCE");
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
    void aCategoryWithoutALeadDepartmentIsDispatchedByADispatcher() {
        ProcessInstance pi = report("SPECIAL_CARE", "ROUTINE");
        complete(task(pi), triage("SPECIAL_CARE", "ROUTINE", false, true));

        assertThat(pi).hasPassed("clearCut").hasNotPassed("autoDispatch").isWaitingAt("dispatch");
        assertThat(pi).variables().containsEntry("handlingLevel", "DEPT").containsEntry("leadDept", null)
                .doesNotContainKey("dispatchedBy");
        assertThat(task(pi)).hasCandidateGroup("sgc-dispatcher");
        complete(task(pi), withVariables("leadDept", "GOVERNANCE", "dispatchNote", "独居老人关爱，交矛盾调处"));
        sign(pi, "GOVERNANCE");
        assertThat(pi).isWaitingAt("deptHandle");
    }

    private static void advanceTo(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
        for (Job job : managementService().createJobQuery().executable().list()) {
            execute(job);
        }
    }

    @Test
    void g2TheSupervisionLadderLightsYellowThenRedThenNotifiesTheAuthority() {
        ProcessInstance pi = report("FOOD", "ROUTINE");
        complete(task(pi), triage("FOOD", "ROUTINE", false, false));
        complete(task(pi), withVariables("signDecision", "RETURN", "returnReason", "油烟属执法局职责"));
        complete(task(pi), withVariables("leadDept", "ENFORCE"));
        sign(pi, "ENFORCE");
        assertThat(pi).isWaitingAt("deptHandle");

        advanceTo("2026-11-29T02:00:00Z"); // day 3 of 5: nothing yet
        assertThat(ladder).isEmpty();
        advanceTo("2026-11-30T02:01:00Z"); // day 4: 80% used
        assertThat(ladder).containsExactly("YELLOW dept-handler:ENFORCE", "YELLOW dept-leader:ENFORCE");
        assertThat(pi).variables().containsEntry("slaBreached", false).containsEntry("escalationLevel", 0);

        advanceTo("2026-12-01T02:01:00Z"); // day 5: red light, 督办单
        assertThat(pi).variables().containsEntry("slaBreached", true).containsEntry("escalationLevel", 2);
        assertThat(ladder).contains("RED dept-leader:ENFORCE", "RED sgc-supervisor");

        advanceTo("2026-12-06T02:01:00Z"); // day 10: 通报
        assertThat(pi).variables().containsEntry("escalationLevel", 3);
        assertThat(ladder).contains("LEVEL3 governance-admin").hasSize(5);
        assertThat(pi).isWaitingAt("deptHandle");

        advanceTo("2026-12-07T02:00:00Z"); // resolved on day 11
        complete(task(pi), withVariables("resolutionNote", "已整改"));
        complete(task(pi), withVariables("verifyResult", "PASS"));
        assertThat(pi).isEnded().variables().containsEntry("closeType", "CLOSED_RESOLVED")
                .containsEntry("slaBreached", true).containsEntry("escalationLevel", 3);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void g6ASecondFailedVerificationEscalatesAndTheLadderDoesNotRepeatAfterRework() {
        ProcessInstance pi = report("SAFETY_HAZARD", "ROUTINE");
        complete(task(pi), triage("SAFETY_HAZARD", "ROUTINE", false, false));
        sign(pi, "EMERGENCY_MGMT");
        advanceTo("2026-12-01T02:01:00Z"); // past yellow and red
        assertThat(ladder).hasSize(4);

        complete(task(pi), withVariables("resolutionNote", "已处置"));
        complete(task(pi), withVariables("verifyResult", "FAIL"));
        advanceTo("2026-12-01T03:00:00Z"); // the re-entered handling's timers are already due
        assertThat(ladder).as("yellow and red are not sent again").hasSize(4);
        assertThat(pi).isWaitingAt("deptHandle").variables().containsEntry("verifyRound", 1);

        complete(task(pi), withVariables("resolutionNote", "再次处置"));
        complete(task(pi), withVariables("verifyResult", "FAIL"));
        assertThat(pi).variables().containsEntry("verifyRound", 2).containsEntry("escalationLevel", 2);
        assertThat(ladder).contains("VERIFY_FAILED sgc-supervisor");

        complete(task(pi), withVariables("resolutionNote", "第三次处置，隐患已消除"));
        complete(task(pi), withVariables("verifyResult", "PASS"));
        assertThat(pi).isEnded().variables().containsEntry("closeType", "CLOSED_RESOLVED");
    }

    @Test
    void aSecondReturnIsSettledByTheSupervisorDesignatingTheLeadDepartment() {
        ProcessInstance pi = report("FACILITY_DAMAGE", "ROUTINE");
        complete(task(pi), triage("FACILITY_DAMAGE", "ROUTINE", false, true));
        assertThat(pi).hasPassed("autoDispatch");
        complete(task(pi), withVariables("signDecision", "RETURN", "returnReason", "属住建"));
        assertThat(pi).isWaitingAt("dispatch");
        complete(task(pi), withVariables("leadDept", "HOUSING"));
        complete(task(pi), withVariables("signDecision", "RETURN", "returnReason", "属执法"));

        assertThat(pi).isWaitingAt("designateLeadDept").variables().containsEntry("returnCount", 2);
        assertThat(task(pi)).hasCandidateGroup("sgc-supervisor");
        complete(task(pi), withVariables("leadDept", "ENFORCE", "dispatchNote", "指定执法局牵头"));
        assertThat(pi).as("a designated department cannot return again").isWaitingAt("deptHandle");
        assertThat(task(pi)).hasCandidateGroup("dept-handler:ENFORCE");
    }

    @Test
    void aDepartmentThatDoesNotSignInTimeLosesTheEventBackToDispatch() {
        ProcessInstance pi = report("MARKET_ORDER", "URGENT");
        complete(task(pi), triage("MARKET_ORDER", "URGENT", false, false));
        assertThat(pi).hasPassed("autoDispatch").isWaitingAt("signOrReturn").variables()
                .containsEntry("signWithin", "PT1H");

        advanceTo("2026-11-26T03:01:00Z"); // one hour later, unsigned
        assertThat(pi).as("after a sign timeout a person dispatches").isWaitingAt("dispatch").variables()
                .containsEntry("escalationLevel", 1);
        assertThat(task(pi)).hasCandidateGroup("sgc-dispatcher");
        assertThat(ladder).contains("SIGN_OVERDUE dept-leader:MARKET", "SIGN_OVERDUE sgc-dispatcher");

        complete(task(pi), withVariables("leadDept", "MARKET"));
        assertThat(pi).as("the new signing window starts at the redispatch").isWaitingAt("signOrReturn");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count())
                .isZero();
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
    void g5AnEmergencyGoesToEmergencyCommandWithTheDepartmentOfItsCategory() {
        ProcessInstance pi = report("DANGEROUS_HOUSE", "EMERGENCY");
        assertThat(task(pi).getPriority()).isEqualTo(90);
        complete(task(pi), triage("DANGEROUS_HOUSE", "EMERGENCY", false, false));

        assertThat(pi).hasPassed("autoDispatch").isWaitingAt("signOrReturn").variables()
                .containsEntry("handlingLevel", "EMERGENCY_CMD").containsEntry("leadDept", "HOUSING")
                .containsEntry("dispatchedBy", "系统自动分拨").containsEntry("signWithin", "PT15M")
                .containsEntry("resolveWithin", "PT2H").containsEntry("calendar", "NATURAL");
        complete(task(pi), withVariables("signDecision", "RETURN", "returnReason", "需先定性"));
        assertThat(pi).isWaitingAt("dispatch");
        assertThat(task(pi)).as("emergency command redispatches").hasCandidateGroup("emergency-command");
        complete(task(pi), withVariables("leadDept", "HOUSING"));
        sign(pi, "HOUSING");
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

    /** A 12345 work order: the SGC checks it first, then sends a grid worker to verify (§1.2 step 5). */
    private ProcessInstance hotlineReport(String businessKey) {
        ProcessInstance pi = runtimeService().createMessageCorrelation("MSG_EVENT_REPORTED")
                .processInstanceBusinessKey(businessKey)
                .setVariables(withVariables("gridId", "G0101", "category", "DISPUTE", "urgency", "ROUTINE",
                        "description", "工地夜间施工噪音扰民", "source", "HOTLINE_12345", "reporterPhone", "13800138000"))
                .correlateStartMessage();
        assertThat(pi).isWaitingAt("sgcFirstCheck");
        assertThat(task(pi)).hasCandidateGroup("sgc-dispatcher");
        complete(task(pi), withVariables("gridId", "G0101", "firstCheckNote", "诉求属实，派网格员核实"));
        assertThat(pi).isWaitingAt("verifyAndTriage");
        return pi;
    }

    private static void rate(String businessKey, String satisfaction) {
        runtimeService().createMessageCorrelation("MSG_RATING_RECEIVED").processInstanceBusinessKey(businessKey)
                .setVariable("satisfaction", satisfaction).correlate();
    }

    /** Handled by the department; for a 12345 order the hotline agent's 回访 takes the place of on-site verification. */
    private void handleInGovernance(ProcessInstance pi, String note) {
        complete(task(pi), withVariables("resolutionNote", note));
        assertThat(pi).isWaitingAt("hotlineCallback").isNotWaitingAt("verifyOnSite");
        assertThat(task(pi)).hasCandidateGroup("hotline-agent");
        complete(task(pi), withVariables("verifyResult", "PASS"));
    }

    @Test
    void anIotAlertIsCheckedByTheCentreAndVerifiedOnSiteByTheGridWorker() {
        ProcessInstance pi = runtimeService().createMessageCorrelation("MSG_EVENT_REPORTED")
                .processInstanceBusinessKey("EV-20261126-00009")
                .setVariables(withVariables("gridId", "G0101", "category", "SAFETY_HAZARD", "urgency", "URGENT",
                        "description", "烟感告警：东一路 12 号", "source", "IOT_ALERT"))
                .correlateStartMessage();
        assertThat(pi).isWaitingAt("sgcFirstCheck");
        complete(task(pi), withVariables("gridId", "G0101", "firstCheckNote", "告警有效"));
        complete(task(pi), triage("SAFETY_HAZARD", "URGENT", true, false));
        complete(task(pi), withVariables("resolutionNote", "误报，已复位"));
        assertThat(pi).isWaitingAt("verifyOnSite");
        complete(task(pi), withVariables("verifyResult", "PASS"));
        assertThat(pi).isWaitingAt("awaitRating");
    }

    @Test
    void g3AReasonableDissatisfactionReopensTheEventOnceWithANewSlaAndTheSameDepartment() {
        ProcessInstance pi = hotlineReport("EV-20261126-00003");
        complete(task(pi), triage("DISPUTE", "ROUTINE", false, true));
        sign(pi, "GOVERNANCE");
        handleInGovernance(pi, "已约谈施工方，限定施工时间");
        assertThat(pi).isWaitingAt("awaitRating");
        assertThat(ratingRequests).containsExactly("EV-20261126-00003");
        Object firstSla = runtimeService().getVariable(pi.getId(), "slaDueAt");

        rate("EV-20261126-00003", "DISSATISFIED");
        assertThat(pi).isWaitingAt("assessDissatisfaction");
        assertThat(task(pi)).hasCandidateGroup("sgc-supervisor");
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-28T02:00:00Z")));
        complete(task(pi), withVariables("reopenReasonable", true, "assessNote", "噪音仍在，理由成立"));

        assertThat(pi).isWaitingAt("deptHandle").variables().containsEntry("reopenCount", 1)
                .containsEntry("leadDept", "GOVERNANCE");
        assertThat(task(pi)).hasCandidateGroup("dept-handler:GOVERNANCE");
        assertThat(runtimeService().getVariable(pi.getId(), "slaDueAt")).isNotEqualTo(firstSla);
        handleInGovernance(pi, "加装隔音屏障，夜间停工");
        rate("EV-20261126-00003", "SATISFIED");
        assertThat(pi).isEnded().variables().containsEntry("closeType", "CLOSED_RESOLVED")
                .containsEntry("satisfaction", "SATISFIED");
    }

    @Test
    void g3AnUnreasonableSecondDissatisfactionClosesAsExplained() {
        ProcessInstance pi = hotlineReport("EV-20261126-00004");
        complete(task(pi), triage("DISPUTE", "ROUTINE", false, true));
        sign(pi, "GOVERNANCE");
        handleInGovernance(pi, "已处理");
        rate("EV-20261126-00004", "DISSATISFIED");
        complete(task(pi), withVariables("reopenReasonable", true, "assessNote", "理由成立"));
        handleInGovernance(pi, "再次处理");
        rate("EV-20261126-00004", "DISSATISFIED");
        complete(task(pi), withVariables("reopenReasonable", false, "assessNote", "已依法处理，诉求超出范围"));
        assertThat(pi).isEnded().hasPassed("closedExplained").variables()
                .containsEntry("closeType", "CLOSED_EXPLAINED").containsEntry("reopenCount", 1);
    }

    @Test
    void aReporterWhoDoesNotRateInThreeDaysCountsAsNoResponse() {
        ProcessInstance pi = hotlineReport("EV-20261126-00005");
        complete(task(pi), triage("DISPUTE", "ROUTINE", true, false));
        handleInGovernance(pi, "网格员现场调解");
        assertThat(pi).isWaitingAt("awaitRating");
        advanceTo("2026-11-29T02:01:00Z");
        assertThat(pi).isEnded().variables().containsEntry("satisfaction", "NO_RESPONSE")
                .containsEntry("closeType", "CLOSED_SELF_RESOLVED");
    }
}

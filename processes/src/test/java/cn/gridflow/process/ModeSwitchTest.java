package cn.gridflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 平战转换 (domain-spec §1.6b): warning → decision → commander's confirmation → war → end of emergency → review. */
@Deployment(resources = {"bpmn/mode-switch.bpmn", "dmn/mode-switch-trigger.dmn", "forms/mode-switch-start.form",
        "forms/mode-switch-confirm.form", "forms/mode-switch-end.form", "forms/mode-switch-review.form"})
class ModeSwitchTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    /** Records what the backend's modeSwitch bean would persist and push. */
    public static class RecordingModeSwitch {
        final List<String> calls = new ArrayList<>();

        public void apply(DelegateExecution execution, String mode) {
            calls.add(mode + " " + execution.getVariable("scopeCommunityIds"));
        }

        public void escalateConfirmation(DelegateExecution execution) {
            calls.add("ESCALATE");
        }

        public void activateDutyRosters(DelegateExecution execution) {
            calls.add("DUTY_ON " + execution.getVariable("scopeCommunityIds"));
        }

        public void deactivateDutyRosters(DelegateExecution execution) {
            calls.add("DUTY_OFF " + execution.getVariable("scopeCommunityIds"));
        }
    }

    final RecordingModeSwitch modeSwitch = new RecordingModeSwitch();

    @BeforeEach
    void register() {
        Mocks.register("modeSwitch", modeSwitch);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance warning(String type, String level) {
        return runtimeService().createMessageCorrelation("MSG_WARNING_ISSUED").setVariables(withVariables(
                "warningType", type, "warningLevel", level, "scopeCommunityIds", "C01,C02")).correlateStartMessage();
    }

    @Test
    void g5ARedTyphoonWarningPutsTheScopeOnWarFootingUntilTheCommanderDeclaresTheEnd() {
        ProcessInstance pi = warning("TYPHOON", "RED");
        assertThat(pi).isWaitingAt("confirmSwitch").variables().containsEntry("targetMode", "WAR");
        assertThat(task(pi)).hasCandidateGroup("city-commander");

        complete(task(pi), withVariables("targetMode", "WAR", "switchNote", "启动防台应急响应"));
        assertThat(modeSwitch.calls).containsExactly("WAR C01,C02");
        // the duty rosters are activated in a job of their own: the switch itself is done and committed first
        assertThat(pi).isWaitingAt("activateDutyRosters");
        execute(job(pi));
        assertThat(modeSwitch.calls).containsExactly("WAR C01,C02", "DUTY_ON C01,C02");
        assertThat(pi).isWaitingAt("declareEnd");

        complete(task(pi), withVariables("endNote", "台风已过境"));
        assertThat(modeSwitch.calls).containsExactly("WAR C01,C02", "DUTY_ON C01,C02", "PEACE C01,C02");
        assertThat(pi).isWaitingAt("deactivateDutyRosters");
        execute(job(pi));
        assertThat(modeSwitch.calls).containsExactly("WAR C01,C02", "DUTY_ON C01,C02", "PEACE C01,C02",
                "DUTY_OFF C01,C02");
        assertThat(pi).isWaitingAt("postEventReview");
        assertThat(task(pi)).hasCandidateGroup("governance-admin");
        complete(task(pi), withVariables("reviewSummary", "响应及时，微网格值守到位"));
        assertThat(pi).isEnded().hasPassed("reviewed");
    }

    @Test
    void theDeclarationOfTheEndFallsDueThreeDaysAfterTheSwitchToWar() {
        Date switchedAt = new Date(1_800_000_000_000L);
        ClockUtil.setCurrentTime(switchedAt);
        ProcessInstance pi = warning("FLOOD", "RED");
        complete(task(pi), withVariables("targetMode", "WAR"));
        assertThat(pi).isWaitingAt("activateDutyRosters");
        execute(job(pi));
        assertThat(pi).isWaitingAt("declareEnd");
        assertThat(task(pi).getDueDate()).isEqualTo(new Date(switchedAt.getTime() + 72L * 3600 * 1000));
    }

    @Test
    void aYellowWarningRecommendsPeaceAndTheCommanderMayKeepIt() {
        ProcessInstance pi = warning("TYPHOON", "YELLOW");
        assertThat(pi).variables().containsEntry("targetMode", "PEACE");
        complete(task(pi), withVariables("targetMode", "PEACE"));
        assertThat(pi).isEnded().hasPassed("remainedInPeace").hasNotPassed("activateDutyRosters");
        assertThat(modeSwitch.calls).isEmpty();
    }

    @Test
    void anUndecidedSwitchIsEscalatedAfterThirtyMinutesAndStaysOpen() {
        ProcessInstance pi = warning("FLOOD", "ORANGE");
        execute(job(pi));
        assertThat(modeSwitch.calls).containsExactly("ESCALATE");
        assertThat(pi).isWaitingAt("confirmSwitch").hasPassed("escalated");
    }
}

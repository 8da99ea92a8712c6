package cn.gridflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
 * city-command-dispatch (domain-spec §1.6c): the commander's instruction reaches two communities, their heads pick
 * the grids, every grid runs it as a grid event from CITY_COMMAND, a late grid is chased at reportBy, and the
 * completion figures come back.
 */
@Deployment(resources = {
        "bpmn/city-command-dispatch.bpmn", "forms/city-command-start.form", "forms/city-command-split.form",
        "bpmn/grid-event.bpmn",
        "dmn/grid-matter-admission.dmn", "dmn/grid-event-routing.dmn", "dmn/grid-event-sla.dmn",
        "forms/grid-event-report.form", "forms/grid-event-triage.form", "forms/grid-event-dispatch.form",
        "forms/grid-event-resolve.form", "forms/grid-event-verify.form", "forms/grid-event-sign.form",
        "forms/grid-event-assess.form", "forms/grid-event-extension-approve.form", "forms/grid-event-coordinate.form",
        "forms/grid-event-cohandle.form", "forms/grid-event-first-check.form"})
class CityCommandDispatchTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    private static final Map<String, String> COMMUNITY_OF_GRID = Map.of("G0101", "C01", "G0102", "C01", "G0201", "C02");

    final List<String> notices = new ArrayList<>();

    /** Stands in for the backend's sequence of business keys. */
    public static class BusinessKeys {
        private final AtomicInteger next = new AtomicInteger();

        public String next(String prefix) {
            return String.format("%s-20261126-%05d", prefix, next.incrementAndGet());
        }
    }

    @BeforeEach
    void registerBeans() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T02:00:00Z")));
        GridEventTest.registerStandIns(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Mocks.register("businessKeys", new BusinessKeys());
        Mocks.register("cityCommand", new CityCommand((grid, community) -> community.equals(COMMUNITY_OF_GRID.get(grid)),
                (execution, kind, group, subject) -> notices.add(kind + " " + group)));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private static ProcessInstance issue(Object reportBy) {
        return runtimeService().startProcessInstanceByKey("city-command-dispatch", "CMD-20261126-00001", withVariables(
                "instruction", "台风来临前排查辖区危房和广告牌", "category", "SAFETY_HAZARD", "urgency", "URGENT",
                "targetCommunityIds", "[\"C01\",\"C02\"]", "reportBy", reportBy));
    }

    private static Task openTask(String key, String candidateGroup) {
        return taskQuery().taskDefinitionKey(key).taskCandidateGroup(candidateGroup).singleResult();
    }

    /** A grid worker carries out the instruction in the grid: triage as self-resolvable, resolve, verify. */
    private static void carryOut(String gridId) {
        String group = "grid-staff:" + gridId;
        complete(openTask("verifyAndTriage", group), withVariables("category", "SAFETY_HAZARD", "urgency", "URGENT",
                "canSelfResolve", true, "complex", false));
        complete(openTask("resolveInGrid", group), withVariables("resolutionNote", "已排查，无危房"));
        complete(openTask("verifyOnSite", group), withVariables("verifyResult", "PASS"));
    }

    private static void advanceTo(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
        for (Job job : managementService().createJobQuery().executable().list()) {
            execute(job);
        }
    }

    @Test
    void theInstructionReachesEveryChosenGridAndComesBackWithItsCompletionRates() {
        // a form sends local time in the city's zone: 2026-11-27 10:00 in Longgang is 02:00Z
        ProcessInstance command = issue("2026-11-27T10:00");
        assertThat(command).isWaitingAt("splitInstruction");
        assertThat(runtimeService().getVariable(command.getId(), "reportBy"))
                .isEqualTo(Date.from(Instant.parse("2026-11-27T02:00:00Z")));

        complete(openTask("splitInstruction", "community-head:C01"), withVariables("targetGridIds", "[\"G0101\",\"G0102\"]"));
        complete(openTask("splitInstruction", "community-head:C02"), withVariables("targetGridIds", "[\"G0201\"]"));

        List<ProcessInstance> gridEvents = runtimeService().createProcessInstanceQuery()
                .superProcessInstanceId(command.getId()).list();
        assertThat(gridEvents).hasSize(3);
        for (ProcessInstance event : gridEvents) {
            assertThat(event.getBusinessKey()).startsWith("EV-");
            assertThat(event).variables().containsEntry("source", "CITY_COMMAND").containsEntry("category", "SAFETY_HAZARD")
                    .containsEntry("eventId", event.getBusinessKey())
                    .containsEntry("description", "台风来临前排查辖区危房和广告牌");
            assertThat(event).isWaitingAt("verifyAndTriage");
        }

        carryOut("G0101");
        carryOut("G0102");
        advanceTo("2026-11-27T02:01:00Z"); // reportBy has passed: G0201 has not reported
        assertThat(notices).containsExactlyInAnyOrder("COMMAND_LATE grid-leader:G0201", "COMMAND_LATE community-head:C02");

        carryOut("G0201");
        // the figures are counted in a step of their own, once every grid event's history is written
        assertThat(command).isWaitingAt("aggregateCompletion");
        execute(managementService().createJobQuery().processInstanceId(command.getId()).singleResult());
        assertThat(command).isEnded().hasPassed("aggregateCompletion", "commandCompleted");
        assertThat(command).variables().containsEntry("gridsTotal", 3).containsEntry("gridsCompleted", 3)
                .containsEntry("gridsOnTime", 2).containsEntry("completionRate", 1.0).containsEntry("onTimeRate", 0.6667);
        assertThat(notices).contains("COMMAND_DONE city-commander");
    }

    @Test
    void aCommunityHeadCannotSendTheInstructionToAnotherCommunitysGrid() {
        ProcessInstance command = issue(Date.from(Instant.parse("2026-11-27T02:00:00Z")));
        Task split = openTask("splitInstruction", "community-head:C01");

        assertThatThrownBy(() -> complete(split, withVariables("targetGridIds", "[\"G0201\"]")))
                .hasMessageContaining("G0201 is not in community C01");
        assertThat(command).isWaitingAt("splitInstruction");
        assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(command.getId()).count()).isZero();
    }

    @Test
    void anInstructionDueInThePastIsRefused() {
        assertThatThrownBy(() -> issue("2026-11-25T10:00")).hasMessageContaining("not in the future");
    }
}

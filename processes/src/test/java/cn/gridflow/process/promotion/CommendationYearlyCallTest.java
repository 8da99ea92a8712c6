package cn.gridflow.process.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** commendation-yearly-call: the engine's timer calls for nominations each 1 December, and schedules the next year. */
@Deployment(resources = "bpmn/commendation-yearly-call.bpmn")
class CommendationYearlyCallTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    final List<String> calls = new ArrayList<>();

    public class CommendationCall {
        public void announceThisYear() {
            calls.add("called");
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void eachFirstOfDecemberCommunitiesAndDepartmentsAreCalledToNominate() {
        Mocks.register("commendationCall", new CommendationCall());
        Job timer = managementService().createJobQuery().timers().singleResult();
        ZonedDateTime due = ZonedDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getMonthValue()).isEqualTo(12);
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.toInstant()).isAfter(Instant.now());

        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);

        assertThat(calls).containsExactly("called");
        Job next = managementService().createJobQuery().timers().singleResult();
        assertThat(next.getDuedate()).isAfter(timer.getDuedate());
    }
}

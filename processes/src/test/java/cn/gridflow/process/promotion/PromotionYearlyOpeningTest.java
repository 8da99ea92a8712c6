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

/** promotion-yearly-opening: the engine's timer opens the year's round each 5 January, and schedules the next. */
@Deployment(resources = "bpmn/promotion-yearly-opening.bpmn")
class PromotionYearlyOpeningTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    final List<String> opened = new ArrayList<>();

    public class YearlyRound {
        public void openThisYear() {
            opened.add("opened");
        }
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void eachFifthOfJanuaryTheRoundOpensAndTheNextYearIsScheduled() {
        Mocks.register("yearlyRound", new YearlyRound());
        Job timer = managementService().createJobQuery().timers().singleResult();
        ZonedDateTime due = ZonedDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getMonthValue()).isEqualTo(1);
        assertThat(due.getDayOfMonth()).isEqualTo(5);
        assertThat(due.toInstant()).isAfter(Instant.now());

        ClockUtil.setCurrentTime(timer.getDuedate());
        execute(timer);

        assertThat(opened).containsExactly("opened");
        Job next = managementService().createJobQuery().timers().singleResult();
        assertThat(next.getDuedate()).isAfter(timer.getDuedate());
    }
}

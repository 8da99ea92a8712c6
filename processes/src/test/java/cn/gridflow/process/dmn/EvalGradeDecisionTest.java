package cn.gridflow.process.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code eval-grade} (UNIQUE), domain spec §3.4 step 8: band edges, pay percentage and rectification. */
@Deployment(resources = "dmn/eval-grade.dmn")
class EvalGradeDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private DmnDecisionResult grade(Integer score) {
        return engine.getDecisionService().evaluateDecisionByKey("eval-grade")
                .variables(Variables.createVariables().putValue("evalScore", score)).evaluate();
    }

    @ParameterizedTest(name = "{0} → {1}, pay {2}%, rectify {3}")
    @CsvSource({
            "100, 优, 100, false", "90, 优, 100, false",
            "89, 良, 100, false", "80, 良, 100, false",
            "79, 中, 100, true", "60, 中, 100, true",
            "59, 差, 80, true", "58, 差, 80, true", "0, 差, 80, true"})
    void aScoreFallsInExactlyOneBand(int score, String grade, int payPct, boolean rectify) {
        DmnDecisionResultEntries r = grade(score).getSingleResult();
        assertThat(r.<String>getEntry("evalGrade")).isEqualTo(grade);
        assertThat(r.<Integer>getEntry("payPct")).isEqualTo(payPct);
        assertThat(r.<Boolean>getEntry("needRectify")).isEqualTo(rectify);
    }

    @Test
    void aScoreOutsideZeroToHundredHasNoGrade() {
        assertThat(grade(101).getResultList()).isEmpty();
        assertThat(grade(-1).getResultList()).isEmpty();
    }
}

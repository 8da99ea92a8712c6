package cn.gridflow.process.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code catalog-adjustment} (目录动态调整, FIRST), domain spec §3.3 step 6: rows in priority order. */
@Deployment(resources = "dmn/catalog-adjustment.dmn")
class CatalogAdjustmentDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private String adjust(Boolean legalChange, Integer score, Integer poorGrades) {
        return engine.getDecisionService().evaluateDecisionByKey("catalog-adjustment")
                .variables(Variables.createVariables().putValue("legalChange", legalChange)
                        .putValue("necessityScore", score).putValue("poorGradesLast2Years", poorGrades))
                .evaluate().getSingleResult().getEntry("adjustment");
    }

    @ParameterizedTest(name = "legalChange={0} score={1} poor={2} → {3}")
    @CsvSource({
            // row 1: a change of the legal basis wins over everything, even a failing score
            "true, 95, 0, ADJUST",
            "true, 40, 2, ADJUST",
            // row 2: necessity below 60 removes the item (P4: 40)
            "false, 40, 0, REMOVE",
            "false, 59, 2, REMOVE",
            // row 3: two 差 grades in two years take the authority back (P3)
            "false, 60, 2, REMOVE_AND_TAKE_BACK",
            "false, 90, 3, REMOVE_AND_TAKE_BACK",
            // row 4: necessity below 75 adjusts
            "false, 60, 1, ADJUST",
            "false, 74, 0, ADJUST",
            // row 5: otherwise retain (P1)
            "false, 75, 1, RETAIN",
            "false, 100, 0, RETAIN"})
    void theFirstMatchingRowDecides(Boolean legalChange, Integer score, Integer poorGrades, String expected) {
        assertThat(adjust(legalChange, score, poorGrades)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "missing legalChange, score {0} → {1}")
    @CsvSource({"80, RETAIN", "50, REMOVE"})
    void anUnsetLegalChangeCountsAsNoChange(Integer score, String expected) {
        assertThat(adjust(null, score, 0)).isEqualTo(expected);
    }
}

package cn.gridflow.process.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code hoa-matter-classification} (UNIQUE), domain spec §2.4: Civil Code art. 278 items → vote tier. */
@Deployment(resources = "dmn/hoa-matter-classification.dmn")
class HoaMatterClassificationDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private DmnDecisionResult classify(String matterType) {
        return engine.getDecisionService().evaluateDecisionByKey("hoa-matter-classification")
                .variables(Variables.createVariables().putValue("matterType", matterType)).evaluate();
    }

    @ParameterizedTest(name = "{0} → ORDINARY")
    @CsvSource({"RULES_OF_PROCEDURE", "MANAGEMENT_STATUTE", "ELECT_COMMITTEE", "HIRE_FIRE_MANAGER",
            "USE_MAINTENANCE_FUND", "OTHER_MAJOR", "APPOINT_FIN_AGENT"})
    void itemsOneToFiveAndNineNeedTheOrdinaryDoubleMajority(String matterType) {
        DmnDecisionResult result = classify(matterType);
        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().<String>getEntry("voteTier")).isEqualTo("ORDINARY");
        assertThat(result.getSingleResult().<Boolean>getEntry("requiresAssembly")).isTrue();
        assertThat(result.getSingleResult().<Boolean>getEntry("isMajor")).isTrue();
    }

    @ParameterizedTest(name = "{0} → SPECIAL")
    @CsvSource({"RAISE_MAINTENANCE_FUND", "REBUILD", "CHANGE_COMMON_USE"})
    void itemsSixToEightNeedThreeQuarters(String matterType) {
        DmnDecisionResult result = classify(matterType);
        assertThat(result.getSingleResult().<String>getEntry("voteTier")).isEqualTo("SPECIAL");
        assertThat(result.getSingleResult().<Boolean>getEntry("requiresAssembly")).isTrue();
        assertThat(result.getSingleResult().<Boolean>getEntry("isMajor")).isTrue();
    }

    @Test
    void anUnknownMatterTypeMatchesNoRowSoTheStartFormMustOfferOnlyTheListedOnes() {
        assertThat(classify("PAINT_BENCHES")).isEmpty();
        assertThat(classify(null)).isEmpty();
    }
}

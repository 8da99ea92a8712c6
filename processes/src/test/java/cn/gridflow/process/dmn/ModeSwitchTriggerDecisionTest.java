package cn.gridflow.process.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code mode-switch-trigger} (平战转换研判, FIRST), domain spec §1.6b. */
@Deployment(resources = "dmn/mode-switch-trigger.dmn")
class ModeSwitchTriggerDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final String WEATHER_REASON = "台风/洪涝橙色及以上预警，建议转入战时状态";
    private static final String HEALTH_REASON = "突发公共卫生事件Ⅱ级及以上，建议转入战时状态";
    private static final String MASS_REASON = "发生群体性事件，建议转入战时状态";
    private static final String PEACE_REASON = "预警未达到战时启动条件，建议保持平时状态";

    private DmnDecisionResultEntries trigger(String warningType, String warningLevel) {
        return engine.getDecisionService().evaluateDecisionByKey("mode-switch-trigger")
                .variables(Variables.createVariables().putValue("warningType", warningType)
                        .putValue("warningLevel", warningLevel))
                .evaluate().getSingleResult();
    }

    @ParameterizedTest(name = "{0} {1} → WAR")
    @CsvSource({"TYPHOON, RED", "TYPHOON, ORANGE", "FLOOD, RED", "FLOOD, ORANGE"})
    void aRedOrOrangeTyphoonOrFloodWarningRecommendsWar(String type, String level) {
        DmnDecisionResultEntries r = trigger(type, level);
        assertThat(r.<String>getEntry("targetMode")).isEqualTo("WAR");
        assertThat(r.<String>getEntry("reason")).isEqualTo(WEATHER_REASON);
    }

    @ParameterizedTest(name = "{0} {1} → PEACE")
    @CsvSource({"TYPHOON, YELLOW", "TYPHOON, BLUE", "FLOOD, YELLOW", "FLOOD, BLUE", "TYPHOON, II"})
    void aYellowOrBlueTyphoonOrFloodWarningRecommendsPeace(String type, String level) {
        DmnDecisionResultEntries r = trigger(type, level);
        assertThat(r.<String>getEntry("targetMode")).isEqualTo("PEACE");
        assertThat(r.<String>getEntry("reason")).isEqualTo(PEACE_REASON);
    }

    @ParameterizedTest(name = "PUBLIC_HEALTH {0} → WAR")
    @CsvSource({"I", "II"})
    void aPublicHealthEventOfLevelTwoOrAboveRecommendsWar(String level) {
        DmnDecisionResultEntries r = trigger("PUBLIC_HEALTH", level);
        assertThat(r.<String>getEntry("targetMode")).isEqualTo("WAR");
        assertThat(r.<String>getEntry("reason")).isEqualTo(HEALTH_REASON);
    }

    @ParameterizedTest(name = "PUBLIC_HEALTH {0} → PEACE")
    @CsvSource({"III", "IV", "RED"})
    void aPublicHealthEventBelowLevelTwoRecommendsPeace(String level) {
        assertThat(trigger("PUBLIC_HEALTH", level).<String>getEntry("targetMode")).isEqualTo("PEACE");
    }

    @ParameterizedTest(name = "MASS_INCIDENT {0} → WAR")
    @CsvSource(value = {"RED", "BLUE", "IV", "NULL"}, nullValues = "NULL")
    void aMassIncidentRecommendsWarWhateverItsLevel(String level) {
        DmnDecisionResultEntries r = trigger("MASS_INCIDENT", level);
        assertThat(r.<String>getEntry("targetMode")).isEqualTo("WAR");
        assertThat(r.<String>getEntry("reason")).isEqualTo(MASS_REASON);
    }

    @Test
    void anyOtherWarningTypeRecommendsPeace() {
        assertThat(trigger("EARTHQUAKE", "RED").<String>getEntry("targetMode")).isEqualTo("PEACE");
        assertThat(trigger("HEAT", "ORANGE").<String>getEntry("reason")).isEqualTo(PEACE_REASON);
    }

    @Test
    void aManualStartWithoutWarningDataRecommendsPeaceRatherThanFailing() {
        DmnDecisionResultEntries r = trigger(null, null);
        assertThat(r.<String>getEntry("targetMode")).isEqualTo("PEACE");
        assertThat(r.<String>getEntry("reason")).isEqualTo(PEACE_REASON);
    }
}

package cn.gridflow.process.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN 3 {@code grid-event-sla} (网格事件办理时限, UNIQUE), spec §1.5. The routing DRD is deployed for the G-scenarios. */
@Deployment(resources = {"dmn/grid-event-sla.dmn", "dmn/grid-event-routing.dmn"})
class GridEventSlaDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final String[] URGENCIES = {"ROUTINE", "URGENT", "EMERGENCY"};
    private static final String[] LEVELS = {"GRID", "COMMUNITY", "DEPT", "EMERGENCY_CMD"};
    private static final String[] MODES = {"PEACE", "WAR"};

    private DmnDecisionResult evaluate(String urgency, String handlingLevel, String cityMode, Boolean complex) {
        return engine.getDecisionService().evaluateDecisionByKey("grid-event-sla")
                .variables(Variables.createVariables().putValue("urgency", urgency)
                        .putValue("handlingLevel", handlingLevel).putValue("cityMode", cityMode)
                        .putValue("complex", complex))
                .evaluate();
    }

    private Map<String, Object> sla(String urgency, String handlingLevel, String cityMode, Boolean complex) {
        return evaluate(urgency, handlingLevel, cityMode, complex).getSingleResult().getEntryMap();
    }

    private static Map<String, Object> expected(String sign, String resolve, String calendar, String level3) {
        Map<String, Object> m = new HashMap<>();
        m.put("signWithin", sign);
        m.put("resolveWithin", resolve);
        m.put("calendar", calendar);
        m.put("yellowPct", 0.8d);
        m.put("level3After", level3);
        return m;
    }

    @ParameterizedTest(name = "{0} {1} {2} complex={3} → {4}/{5}/{6}/{7}")
    @CsvSource(nullValues = "NULL", value = {
            // urgency, level, mode, complex, sign, resolve, calendar, level3After
            "EMERGENCY, GRID,          PEACE, false, PT15M, PT2H,   NATURAL, PT1H",
            "EMERGENCY, EMERGENCY_CMD, PEACE, true,  PT15M, PT2H,   NATURAL, PT1H",
            "EMERGENCY, DEPT,          WAR,   false, PT5M,  PT1H,   NATURAL, PT30M",
            "EMERGENCY, EMERGENCY_CMD, WAR,   true,  PT5M,  PT1H,   NATURAL, PT30M",
            "URGENT,    COMMUNITY,     PEACE, false, PT1H,  PT24H,  NATURAL, PT12H",
            "URGENT,    DEPT,          PEACE, true,  PT1H,  PT24H,  NATURAL, PT12H",
            "URGENT,    GRID,          WAR,   false, PT30M, PT12H,  NATURAL, PT6H",
            "URGENT,    DEPT,          WAR,   true,  PT30M, PT12H,  NATURAL, PT6H",
            "ROUTINE,   GRID,          PEACE, false, NULL,  P1D,    WORKDAY, P1D",
            "ROUTINE,   COMMUNITY,     PEACE, true,  PT4H,  P3D,    WORKDAY, P2D",
            "ROUTINE,   DEPT,          PEACE, false, P1D,   P5D,    WORKDAY, P5D",
            "ROUTINE,   DEPT,          PEACE, true,  P1D,   P15D,   WORKDAY, P5D",
            "ROUTINE,   GRID,          WAR,   true,  NULL,  PT12H,  NATURAL, PT12H",
            "ROUTINE,   COMMUNITY,     WAR,   false, PT2H,  PT36H,  NATURAL, PT24H",
            "ROUTINE,   DEPT,          WAR,   false, PT12H, PT60H,  NATURAL, PT60H",
            "ROUTINE,   DEPT,          WAR,   true,  PT12H, PT180H, NATURAL, PT60H",
            "ROUTINE,   EMERGENCY_CMD, PEACE, false, PT15M, PT2H,   NATURAL, PT1H",
            "ROUTINE,   EMERGENCY_CMD, WAR,   true,  PT5M,  PT1H,   NATURAL, PT30M"})
    void everyRowGivesItsDeadlines(String urgency, String level, String mode, boolean complex,
            String sign, String resolve, String calendar, String level3) {
        assertThat(sla(urgency, level, mode, complex)).isEqualTo(expected(sign, resolve, calendar, level3));
    }

    @Test
    void everyCombinationOfUrgencyLevelModeAndComplexityHitsExactlyOneRow() {
        List<String> combinations = new ArrayList<>();
        for (String urgency : URGENCIES) {
            for (String level : LEVELS) {
                for (String mode : MODES) {
                    for (boolean complex : new boolean[] {true, false}) {
                        DmnDecisionResult result = evaluate(urgency, level, mode, complex);
                        assertThat(result.getResultList()).as("%s %s %s complex=%s", urgency, level, mode, complex).hasSize(1);
                        assertThat(result.getSingleResult().getEntryMap())
                                .containsOnlyKeys("signWithin", "resolveWithin", "calendar", "yellowPct", "level3After");
                        combinations.add(urgency + level + mode + complex);
                    }
                }
            }
        }
        assertThat(combinations).hasSize(48).doesNotHaveDuplicates();
    }

    @Test
    void anUnrecordedComplexityCountsAsNotComplexForEveryCombination() {
        for (String urgency : URGENCIES) {
            for (String level : LEVELS) {
                for (String mode : MODES) {
                    assertThat(sla(urgency, level, mode, null)).as("%s %s %s", urgency, level, mode)
                            .isEqualTo(sla(urgency, level, mode, false));
                }
            }
        }
    }

    @Test
    void peaceModeRoutineEventsCountWorkdaysAndEverythingElseCountsNaturalTime() {
        for (String urgency : URGENCIES) {
            for (String level : LEVELS) {
                for (String mode : MODES) {
                    boolean routinePeaceBelowEmergency = urgency.equals("ROUTINE") && mode.equals("PEACE")
                            && !level.equals("EMERGENCY_CMD");
                    assertThat(sla(urgency, level, mode, false).get("calendar")).as("%s %s %s", urgency, level, mode)
                            .isEqualTo(routinePeaceBelowEmergency ? "WORKDAY" : "NATURAL");
                }
            }
        }
    }

    @Test
    void everyDurationIsAnIsoDurationAndOnlyTheGridSkipsSigning() {
        for (String urgency : URGENCIES) {
            for (String level : LEVELS) {
                for (String mode : MODES) {
                    for (boolean complex : new boolean[] {true, false}) {
                        Map<String, Object> r = sla(urgency, level, mode, complex);
                        assertThat(Duration.parse((String) r.get("resolveWithin"))).isPositive();
                        assertThat(Duration.parse((String) r.get("level3After"))).isPositive();
                        boolean gridRoutine = urgency.equals("ROUTINE") && level.equals("GRID");
                        if (gridRoutine) {
                            assertThat(r.get("signWithin")).isNull();
                        } else {
                            assertThat(Duration.parse((String) r.get("signWithin")))
                                    .isPositive().isLessThan(Duration.parse((String) r.get("resolveWithin")));
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} complex={1}")
    @CsvSource({"GRID, false", "COMMUNITY, false", "DEPT, false", "DEPT, true"})
    void aRoutineEventInWarModeGetsHalfItsPeaceTimeCountingAWorkdayAs24Hours(String level, boolean complex) {
        Map<String, Object> peace = sla("ROUTINE", level, "PEACE", complex);
        Map<String, Object> war = sla("ROUTINE", level, "WAR", complex);
        for (String key : new String[] {"signWithin", "resolveWithin", "level3After"}) {
            if (peace.get(key) == null) {
                assertThat(war.get(key)).as(key).isNull();
            } else {
                // Duration.parse reads P1D as 24 h and PT4H as 4 h: exactly the stated war-mode assumption.
                assertThat(Duration.parse((String) war.get(key))).as(key)
                        .isEqualTo(Duration.parse((String) peace.get(key)).dividedBy(2));
            }
        }
        assertThat(war.get("calendar")).isEqualTo("NATURAL");
    }

    @Test
    void everyRowTurnsYellowAtEightyPercent() {
        for (String urgency : URGENCIES) {
            for (String level : LEVELS) {
                assertThat(sla(urgency, level, "WAR", true).get("yellowPct")).isInstanceOf(Double.class).isEqualTo(0.8d);
                assertThat(sla(urgency, level, "PEACE", false).get("yellowPct")).isEqualTo(0.8d);
            }
        }
    }

    @Test
    void anUnknownModeGivesNoDeadlineInsteadOfAGuess() {
        assertThat(evaluate("ROUTINE", "DEPT", null, false).getResultList()).isEmpty();
    }

    /** Routing then SLA, as the business rule tasks of grid-event chain them (variables flow from one to the next). */
    private Map<String, Object> routeThenSla(String category, String urgency, boolean canSelfResolve, boolean complex,
            String cityMode) {
        VariableMap vars = Variables.createVariables().putValue("category", category).putValue("urgency", urgency)
                .putValue("canSelfResolve", canSelfResolve).putValue("complex", complex).putValue("cityMode", cityMode);
        vars.putAll(engine.getDecisionService().evaluateDecisionByKey("grid-event-routing").variables(vars).evaluate()
                .getSingleResult().getEntryMap());
        vars.putAll(engine.getDecisionService().evaluateDecisionByKey("grid-event-sla").variables(vars).evaluate()
                .getSingleResult().getEntryMap());
        return vars;
    }

    @Test
    void g1ClutterResolvedInTheGridIsDueWithinOneWorkdayWithoutSigning() {
        Map<String, Object> vars = routeThenSla("ENV_CLUTTER", "ROUTINE", true, false, "PEACE");
        assertThat(vars).containsEntry("handlingLevel", "GRID").containsEntry("signWithin", null)
                .containsEntry("resolveWithin", "P1D").containsEntry("calendar", "WORKDAY");
    }

    @Test
    void g2RestaurantFumesSentToTheMarketDepartmentGetFiveWorkdaysAndANoticeFiveWorkdaysAfterRed() {
        Map<String, Object> vars = routeThenSla("FOOD", "ROUTINE", false, false, "PEACE");
        assertThat(vars).containsEntry("handlingLevel", "DEPT").containsEntry("leadDept", "MARKET")
                .containsEntry("signWithin", "P1D").containsEntry("resolveWithin", "P5D")
                .containsEntry("calendar", "WORKDAY").containsEntry("yellowPct", 0.8d)
                .containsEntry("level3After", "P5D");
    }

    @Test
    void g5AnOccupiedDangerousHouseInWarModeMustBeSignedInFiveMinutesAndControlledInAnHour() {
        Map<String, Object> vars = routeThenSla("DANGEROUS_HOUSE", "EMERGENCY", false, false, "WAR");
        assertThat(vars).containsEntry("handlingLevel", "EMERGENCY_CMD").containsEntry("leadDept", "HOUSING")
                .containsEntry("signWithin", "PT5M").containsEntry("resolveWithin", "PT1H")
                .containsEntry("calendar", "NATURAL").containsEntry("level3After", "PT30M");
    }

    @Test
    void g5AnOpenRoutineDepartmentEventIsHalvedAndSwitchedToNaturalTimeWhenWarIsDeclared() {
        assertThat(routeThenSla("FOOD", "ROUTINE", false, false, "PEACE"))
                .containsEntry("signWithin", "P1D").containsEntry("calendar", "WORKDAY");
        assertThat(routeThenSla("FOOD", "ROUTINE", false, false, "WAR"))
                .containsEntry("signWithin", "PT12H").containsEntry("resolveWithin", "PT60H")
                .containsEntry("calendar", "NATURAL");
    }
}

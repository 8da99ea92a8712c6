package cn.gridflow.process.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DMN 1 {@code grid-matter-admission} (网格事项准入, FIRST), domain spec §1.3. */
@Deployment(resources = "dmn/grid-matter-admission.dmn")
class GridMatterAdmissionDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final Date MID_AUGUST_2025 = at(2025, 8, 15, 10, 0, 0, 0);

    /** The process passes reportDate as a java.util.Date in the server's time zone. */
    private static Date at(int y, int mo, int d, int h, int mi, int s, int ms) {
        return Date.from(LocalDateTime.of(y, mo, d, h, mi, s, ms * 1_000_000).atZone(ZoneId.systemDefault()).toInstant());
    }

    private DmnDecisionResultEntries admit(String category, String source, Date reportDate, String cityMode) {
        VariableMap vars = Variables.createVariables()
                .putValue("category", category).putValue("source", source)
                .putValue("reportDate", reportDate).putValue("cityMode", cityMode);
        return engine.getDecisionService().evaluateDecisionByKey("grid-matter-admission").variables(vars).evaluate()
                .getSingleResult();
    }

    private static Map<String, Object> outcome(boolean admitted, String itemCode, String action) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("admitted", admitted);
        m.put("admissionItemCode", itemCode);
        m.put("nonAdmissionAction", action);
        return m;
    }

    @ParameterizedTest(name = "{0} is a standing list item {1}")
    @CsvSource({
            "SAFETY_HAZARD, GRID-L-01", "DANGEROUS_HOUSE, GRID-L-02", "DISPUTE, GRID-L-03", "ENV_CLUTTER, GRID-L-04",
            "FACILITY_DAMAGE, GRID-L-05", "FOOD, GRID-L-06", "MARKET_ORDER, GRID-L-07", "SPECIAL_CARE, GRID-L-08"})
    void everyStandingListCategoryIsAdmittedWithItsOwnItemCode(String category, String itemCode) {
        assertThat(admit(category, "RESIDENT_APP", MID_AUGUST_2025, "PEACE").getEntryMap())
                .isEqualTo(outcome(true, itemCode, null));
    }

    @ParameterizedTest(name = "{0} in {1} mode")
    @CsvSource({"CITY_COMMAND, WAR", "HOTLINE_12345, PEACE", "IOT_ALERT, WAR"})
    void aStandingItemIsAdmittedWhateverTheSourceModeOrDate(String source, String cityMode) {
        assertThat(admit("SAFETY_HAZARD", source, at(2031, 1, 1, 0, 0, 0, 0), cityMode).getEntryMap())
                .isEqualTo(outcome(true, "GRID-L-01", null));
    }

    @Test
    void aStandingItemIsAdmittedEvenWhenSourceDateAndModeAreNotProvided() {
        assertThat(admit("DISPUTE", null, null, null).getEntryMap()).isEqualTo(outcome(true, "GRID-L-03", null));
        Map<String, Object> onlyCategory = engine.getDecisionService().evaluateDecisionByKey("grid-matter-admission")
                .variables(Variables.createVariables().putValue("category", "FOOD")).evaluate().getSingleResult()
                .getEntryMap();
        assertThat(onlyCategory).isEqualTo(outcome(true, "GRID-L-06", null));
    }

    @Test
    void g1StairwellClutterFoundOnPatrolIsAdmitted() {
        assertThat(admit("ENV_CLUTTER", "GRID_PATROL", new Date(), "PEACE").getEntryMap())
                .isEqualTo(outcome(true, "GRID-L-04", null));
    }

    @Test
    void theEpidemicTaskIsAdmittedFromTheFirstMomentOfItsStartDate() {
        assertThat(admit("EPIDEMIC_TASK", "CITY_COMMAND", at(2025, 7, 1, 0, 0, 0, 0), "PEACE").getEntryMap())
                .isEqualTo(outcome(true, "GRID-T-01", null));
    }

    @Test
    void theEpidemicTaskIsAdmittedInTheMiddleOfItsValidity() {
        assertThat(admit("EPIDEMIC_TASK", "GRID_PATROL", MID_AUGUST_2025, "PEACE").get("admissionItemCode"))
                .isEqualTo("GRID-T-01");
    }

    @Test
    void theEpidemicTaskIsAdmittedAllDayOnItsEndDate() {
        assertThat(admit("EPIDEMIC_TASK", "GRID_PATROL", at(2025, 9, 30, 0, 0, 0, 0), "PEACE").getEntryMap())
                .isEqualTo(outcome(true, "GRID-T-01", null));
        assertThat(admit("EPIDEMIC_TASK", "GRID_PATROL", at(2025, 9, 30, 12, 0, 0, 0), "PEACE").get("admitted"))
                .isEqualTo(true);
        assertThat(admit("EPIDEMIC_TASK", "GRID_PATROL", at(2025, 9, 30, 23, 59, 59, 999), "PEACE").get("admitted"))
                .isEqualTo(true);
    }

    @Test
    void theEpidemicTaskIsReferredOnTheDayBeforeItsStartDate() {
        assertThat(admit("EPIDEMIC_TASK", "GRID_PATROL", at(2025, 6, 30, 0, 0, 0, 0), "PEACE").getEntryMap())
                .isEqualTo(outcome(false, null, "REFER_DEPT"));
        assertThat(admit("EPIDEMIC_TASK", "GRID_PATROL", at(2025, 6, 30, 23, 59, 59, 999), "PEACE").getEntryMap())
                .isEqualTo(outcome(false, null, "REFER_DEPT"));
    }

    @Test
    void theEpidemicTaskIsReferredOnceItsEndDateHasPassed() {
        assertThat(admit("EPIDEMIC_TASK", "GRID_PATROL", at(2025, 10, 1, 0, 0, 0, 0), "PEACE").getEntryMap())
                .isEqualTo(outcome(false, null, "REFER_DEPT"));
        assertThat(admit("EPIDEMIC_TASK", "CITY_COMMAND", at(2026, 8, 1, 9, 0, 0, 0), "WAR").getEntryMap())
                .isEqualTo(outcome(false, null, "REFER_DEPT"));
    }

    @Test
    void theEpidemicTaskWithoutAReportDateIsReferredRatherThanFailing() {
        assertThat(admit("EPIDEMIC_TASK", "GRID_PATROL", null, "PEACE").getEntryMap())
                .isEqualTo(outcome(false, null, "REFER_DEPT"));
    }

    @Test
    void aCityCommandEmergencyTaskIsAdmittedInWarMode() {
        assertThat(admit("EMERGENCY_TASK", "CITY_COMMAND", new Date(), "WAR").getEntryMap())
                .isEqualTo(outcome(true, "GRID-W-01", null));
    }

    @Test
    void aCityCommandEmergencyTaskIsReferredInPeaceMode() {
        assertThat(admit("EMERGENCY_TASK", "CITY_COMMAND", new Date(), "PEACE").getEntryMap())
                .isEqualTo(outcome(false, null, "REFER_DEPT"));
    }

    @Test
    void anEmergencyTaskFromAnyoneButTheCityCommandIsReferredEvenInWarMode() {
        assertThat(admit("EMERGENCY_TASK", "RESIDENT_APP", new Date(), "WAR").getEntryMap())
                .isEqualTo(outcome(false, null, "REFER_DEPT"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"DEPT_DATA_FILLING", "FEE_COLLECTION"})
    void g4DepartmentChoresAreRejectedWithAnExplanation(String category) {
        assertThat(admit(category, "GRID_PATROL", new Date(), "PEACE").getEntryMap())
                .isEqualTo(outcome(false, null, "REJECT_EXPLAIN"));
    }

    @Test
    void departmentChoresStayRejectedEvenWhenTheCityCommandsThemInWarMode() {
        assertThat(admit("DEPT_DATA_FILLING", "CITY_COMMAND", new Date(), "WAR").getEntryMap())
                .isEqualTo(outcome(false, null, "REJECT_EXPLAIN"));
    }

    @Test
    void anUnlistedCategoryIsReferredToItsDepartment() {
        assertThat(admit("NIGHT_CONSTRUCTION_NOISE", "HOTLINE_12345", new Date(), "PEACE").getEntryMap())
                .isEqualTo(outcome(false, null, "REFER_DEPT"));
    }

    @Test
    void anEventWithoutACategoryIsReferredRatherThanFailing() {
        assertThat(admit(null, null, null, null).getEntryMap()).isEqualTo(outcome(false, null, "REFER_DEPT"));
    }
}

package cn.gridflow.process.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.repository.DecisionRequirementsDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN 2, the DRD {@code grid-event-routing-drd}: {@code dept-by-category} (UNIQUE) → {@code grid-event-routing} (FIRST), spec §1.4. */
@Deployment(resources = "dmn/grid-event-routing.dmn")
class GridEventRoutingDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private DmnDecisionResult deptFor(String category) {
        return engine.getDecisionService().evaluateDecisionByKey("dept-by-category")
                .variables(Variables.createVariables().putValue("category", category)).evaluate();
    }

    private Map<String, Object> route(String urgency, Boolean canSelfResolve, Boolean complex, String category) {
        return route(Variables.createVariables().putValue("urgency", urgency).putValue("canSelfResolve", canSelfResolve)
                .putValue("complex", complex).putValue("category", category));
    }

    private Map<String, Object> route(VariableMap vars) {
        return engine.getDecisionService().evaluateDecisionByKey("grid-event-routing").variables(vars).evaluate()
                .getSingleResult().getEntryMap();
    }

    private static Map<String, Object> routed(String handlingLevel, String leadDept) {
        Map<String, Object> m = new HashMap<>();
        m.put("handlingLevel", handlingLevel);
        m.put("leadDept", leadDept);
        return m;
    }

    @Test
    void bothDecisionsLiveInOneRequirementsDiagram() {
        DecisionRequirementsDefinition drd = engine.getRepositoryService().createDecisionRequirementsDefinitionQuery()
                .decisionRequirementsDefinitionKey("grid-event-routing-drd").singleResult();
        assertThat(drd).isNotNull();
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionRequirementsDefinitionId(drd.getId()).list())
                .extracting("key").containsExactlyInAnyOrder("dept-by-category", "grid-event-routing");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "ENV_CLUTTER, ENFORCE", "FACILITY_DAMAGE, ENFORCE", "SAFETY_HAZARD, EMERGENCY_MGMT", "FOOD, MARKET",
            "MARKET_ORDER, MARKET", "DANGEROUS_HOUSE, HOUSING", "DISPUTE, GOVERNANCE"})
    void eachMappedCategoryHasExactlyOneLeadDepartment(String category, String leadDept) {
        DmnDecisionResult result = deptFor(category);
        assertThat(result.getResultList()).hasSize(1);
        assertThat(result.<String>getSingleEntry()).isEqualTo(leadDept);
    }

    @ParameterizedTest(name = "{0} has no lead department")
    @CsvSource(value = {"SPECIAL_CARE", "EPIDEMIC_TASK", "NIGHT_CONSTRUCTION_NOISE", "NULL"}, nullValues = "NULL")
    void anyOtherCategoryMatchesNoRowSoTheDispatcherChoosesByHand(String category) {
        assertThat(deptFor(category).getResultList()).isEmpty();
    }

    @Test
    void anEmergencyGoesToTheEmergencyCommandEvenIfTheGridCouldHandleIt() {
        assertThat(route("EMERGENCY", true, false, "ENV_CLUTTER")).isEqualTo(routed("EMERGENCY_CMD", "ENFORCE"));
        assertThat(route("EMERGENCY", false, true, "DISPUTE")).isEqualTo(routed("EMERGENCY_CMD", "GOVERNANCE"));
    }

    @Test
    void g1ASelfResolvableRoutineClutterStaysInTheGrid() {
        assertThat(route("ROUTINE", true, false, "ENV_CLUTTER")).isEqualTo(routed("GRID", "ENFORCE"));
    }

    @Test
    void aSelfResolvableEventWhoseComplexityWasNotRecordedStaysInTheGrid() {
        // The triage form may leave `complex` unset (GridEventMinimalTest does): unset counts as not complex.
        assertThat(route("URGENT", true, null, "FACILITY_DAMAGE")).isEqualTo(routed("GRID", "ENFORCE"));
        assertThat(route(Variables.createVariables().putValue("urgency", "ROUTINE").putValue("canSelfResolve", true)
                .putValue("category", "ENV_CLUTTER"))).isEqualTo(routed("GRID", "ENFORCE"));
    }

    @Test
    void aComplexEventGoesToADepartmentEvenIfTheGridThinksItCanSolveIt() {
        assertThat(route("ROUTINE", true, true, "ENV_CLUTTER")).isEqualTo(routed("DEPT", "ENFORCE"));
    }

    @ParameterizedTest(name = "{0} → COMMUNITY")
    @CsvSource({"DISPUTE, GOVERNANCE", "SPECIAL_CARE, "})
    void aSimpleDisputeOrCareMatterTheGridCannotSolveGoesToTheCommunity(String category, String leadDept) {
        assertThat(route("ROUTINE", false, false, category)).isEqualTo(routed("COMMUNITY", leadDept));
        assertThat(route("URGENT", null, null, category)).isEqualTo(routed("COMMUNITY", leadDept));
    }

    @Test
    void aComplexDisputeGoesToADepartment() {
        assertThat(route("ROUTINE", false, true, "DISPUTE")).isEqualTo(routed("DEPT", "GOVERNANCE"));
    }

    @Test
    void g2RestaurantFumesTheGridCannotSolveGoToTheMarketDepartment() {
        assertThat(route("ROUTINE", false, false, "FOOD")).isEqualTo(routed("DEPT", "MARKET"));
        assertThat(route("ROUTINE", false, false, "MARKET_ORDER")).isEqualTo(routed("DEPT", "MARKET"));
    }

    @Test
    void g5AnOccupiedDangerousHouseInAnEmergencyGoesToTheEmergencyCommandLedByHousing() {
        assertThat(route("EMERGENCY", false, false, "DANGEROUS_HOUSE")).isEqualTo(routed("EMERGENCY_CMD", "HOUSING"));
    }

    @Test
    void anUnmappedCategoryGoesToADepartmentWithoutALeadDepartment() {
        Map<String, Object> result = route("ROUTINE", false, false, "NIGHT_CONSTRUCTION_NOISE");
        assertThat(result).isEqualTo(routed("DEPT", null)).containsKey("leadDept");
    }

    @Test
    void aMappedCategoryOverridesALeadDepartmentAlreadyInTheVariables() {
        // Camunda puts the required decision's result over the caller's variables: on a reopen (spec §1.1 step 11)
        // the BPMN must not blindly copy leadDept back, or a redispatch (G2: MARKET → ENFORCE) is undone.
        assertThat(route(Variables.createVariables().putValue("urgency", "ROUTINE").putValue("canSelfResolve", false)
                .putValue("complex", false).putValue("category", "FOOD").putValue("leadDept", "ENFORCE")))
                .isEqualTo(routed("DEPT", "MARKET"));
    }

    @Test
    void anUnmappedCategoryPassesALeadDepartmentAlreadyInTheVariablesThrough() {
        // No row of dept-by-category matches, so Camunda adds nothing and the caller's leadDept is what is copied.
        assertThat(route(Variables.createVariables().putValue("urgency", "ROUTINE").putValue("canSelfResolve", false)
                .putValue("complex", false).putValue("category", "NIGHT_CONSTRUCTION_NOISE")
                .putValue("leadDept", "ENFORCE")))
                .isEqualTo(routed("DEPT", "ENFORCE"));
    }

    @Test
    void anEventWithNothingButACategoryGoesToADepartment() {
        assertThat(route(Variables.createVariables().putValue("category", "SAFETY_HAZARD")))
                .isEqualTo(routed("DEPT", "EMERGENCY_MGMT"));
    }
}

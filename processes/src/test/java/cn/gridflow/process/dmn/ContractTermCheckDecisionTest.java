package cn.gridflow.process.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code contract-term-check} (COLLECT), domain spec §3.4 step 5: term limits and the five clauses of art. 7. */
@Deployment(resources = "dmn/contract-term-check.dmn")
class ContractTermCheckDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static VariableMap complete(Integer termMonths, Boolean stable) {
        return Variables.createVariables().putValue("termMonths", termMonths).putValue("stableContinuous", stable)
                .putValue("serviceItems", "为辖区 80 岁以上老人每日配送午餐")
                .putValue("qualityKpis", "准时送达率≥98%，满意度≥90%")
                .putValue("priceFen", 120_000_000L)
                .putValue("paymentMethod", "预付 30%，其余按季度评价结果支付");
    }

    private List<String> violations(VariableMap variables) {
        return engine.getDecisionService().evaluateDecisionByKey("contract-term-check").variables(variables)
                .evaluate().collectEntries("violation");
    }

    @ParameterizedTest(name = "{0} months, stable={1} → {2}")
    @CsvSource(value = {
            "12, false, ''", "1, false, ''", "13, true, ''", "24, true, ''", "36, true, ''",
            "13, false, TERM_GT_1Y_NOT_ALLOWED", "36, false, TERM_GT_1Y_NOT_ALLOWED",
            "37, true, TERM_GT_3Y", "48, true, TERM_GT_3Y",
            "48, false, TERM_GT_3Y;TERM_GT_1Y_NOT_ALLOWED", "24, NULL, TERM_GT_1Y_NOT_ALLOWED"},
            nullValues = "NULL")
    void theTermIsAtMostOneYearOrThreeWhenTheServiceIsStableAndContinuous(int months, Boolean stable,
                                                                            String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(";"));
        assertThat(violations(complete(months, stable))).containsExactlyElementsOf(want);
    }

    @ParameterizedTest(name = "without {0} → {1}")
    @CsvSource({
            "serviceItems, MISSING_CLAUSE_SERVICE_ITEMS", "qualityKpis, MISSING_CLAUSE_QUALITY",
            "termMonths, MISSING_CLAUSE_TERM", "priceFen, MISSING_CLAUSE_PRICE",
            "paymentMethod, MISSING_CLAUSE_PAYMENT"})
    void eachMandatoryClauseOfArticleSevenMustBeThere(String clause, String violation) {
        VariableMap variables = complete(12, false);
        variables.putValue(clause, null);
        assertThat(violations(variables)).containsExactly(violation);
    }

    @Test
    void anEmptyTextClauseCountsAsMissing() {
        VariableMap variables = complete(12, true);
        variables.putValue("serviceItems", "").putValue("paymentMethod", "");
        assertThat(violations(variables)).containsExactly("MISSING_CLAUSE_SERVICE_ITEMS", "MISSING_CLAUSE_PAYMENT");
    }

    @Test
    void aDraftWithNothingInItListsEveryMissingClause() {
        assertThat(violations(Variables.createVariables().putValue("termMonths", null)
                .putValue("stableContinuous", null).putValue("serviceItems", null).putValue("qualityKpis", null)
                .putValue("priceFen", null).putValue("paymentMethod", null)))
                .containsExactly("MISSING_CLAUSE_TERM", "MISSING_CLAUSE_SERVICE_ITEMS", "MISSING_CLAUSE_QUALITY",
                        "MISSING_CLAUSE_PRICE", "MISSING_CLAUSE_PAYMENT");
    }
}

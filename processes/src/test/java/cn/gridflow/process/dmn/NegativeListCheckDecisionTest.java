package cn.gridflow.process.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code negative-list-check} (负面清单, FIRST), domain spec §3.3 step 2. */
@Deployment(resources = "dmn/negative-list-check.dmn")
class NegativeListCheckDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private DmnDecisionResultEntries check(String nature) {
        return engine.getDecisionService().evaluateDecisionByKey("negative-list-check")
                .variables(Variables.createVariables().putValue("serviceNature", nature))
                .evaluate().getSingleResult();
    }

    @ParameterizedTest(name = "{0} is on the negative list")
    @CsvSource({
            "ADMIN_ENFORCEMENT, 行政执法事项属于负面清单，不得购买",
            "ADMIN_LICENSING, 行政许可事项属于负面清单，不得购买",
            "ADMIN_DECISION, 行政决策事项属于负面清单，不得购买",
            "PURE_GOODS_OR_WORKS, 单纯货物或工程不属于政府购买服务",
            "CIVIL_SERVANT_STAFFING, 机关人员编制及用工不得以购买服务方式解决"})
    void itemsOnTheNegativeListMayNotBePurchased(String nature, String reason) {
        DmnDecisionResultEntries r = check(nature);
        assertThat(r.<Boolean>getEntry("allowed")).isFalse();
        assertThat(r.<String>getEntry("negativeListReason")).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0} may be purchased")
    @CsvSource(value = {"PUBLIC_SERVICE_DELIVERY", "AUXILIARY_SUPPORT", "ELDERLY_CARE", "NULL"}, nullValues = "NULL")
    void anyOtherServiceOrTransactionalMatterMayBePurchased(String nature) {
        DmnDecisionResultEntries r = check(nature);
        assertThat(r.<Boolean>getEntry("allowed")).isTrue();
        assertThat(r.<String>getEntry("negativeListReason")).isEqualTo("不属于负面清单");
    }
}

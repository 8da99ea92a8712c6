package cn.gridflow.process.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DMN {@code promotion-quota} (年度选聘名额, UNIQUE), domain-spec §4.3 step 2. */
@Deployment(resources = "dmn/promotion-quota.dmn")
class PromotionQuotaDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private DmnDecisionResultEntries quota(String pool, int cswVacancies, int institutionPostsPlanned) {
        return engine.getDecisionService().evaluateDecisionByKey("promotion-quota")
                .variables(Variables.createVariables().putValue("postPool", pool)
                        .putValue("cswVacancies", cswVacancies).putValue("gridShare", 0.3)
                        .putValue("institutionPostsPlanned", institutionPostsPlanned).putValue("reservedRatio", 0.1))
                .evaluate().getSingleResult();
    }

    @ParameterizedTest(name = "CSW_FROM_GRID, {0} vacancies × 0.3 → {1}")
    @CsvSource({"10, 3", "11, 4", "1, 1", "0, 0", "20, 6"})
    void theCommunityWorkerPoolTakesTheGridShareOfVacanciesRoundedUp(int vacancies, int expected) {
        DmnDecisionResultEntries r = quota("CSW_FROM_GRID", vacancies, 999);
        assertThat(r.<Integer>getEntry("annualQuota")).isEqualTo(expected);
        assertThat(r.<String>getEntry("quotaBasis")).contains("空缺");
    }

    @ParameterizedTest(name = "{0}, {1} planned × 0.1 → {2}")
    @CsvSource({"INSTITUTION_RESERVED, 10, 1", "INSTITUTION_RESERVED, 11, 2", "SOE_RESERVED, 25, 3", "SOE_RESERVED, 0, 0"})
    void reservedPoolsTakeTheReservedRatioOfPlannedPostsRoundedUp(String pool, int planned, int expected) {
        assertThat(quota(pool, 999, planned).<Integer>getEntry("annualQuota")).isEqualTo(expected);
    }

    @Test
    void r5TenPlannedInstitutionPostsAtTenPercentReserveOneSeat() {
        assertThat(quota("INSTITUTION_RESERVED", 0, 10).<Integer>getEntry("annualQuota")).isEqualTo(1);
    }

    @Test
    void anUnknownPoolHasNoQuota() {
        assertThat(engine.getDecisionService().evaluateDecisionByKey("promotion-quota")
                .variables(Variables.createVariables().putValue("postPool", "OTHER")).evaluate()).isEmpty();
    }
}

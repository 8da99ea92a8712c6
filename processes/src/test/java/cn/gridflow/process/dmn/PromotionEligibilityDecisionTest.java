package cn.gridflow.process.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DMN {@code promotion-eligibility} (选聘资格审查, COLLECT: every failing reason), domain-spec §4.3 DMN 11. */
@Deployment(resources = "dmn/promotion-eligibility.dmn")
class PromotionEligibilityDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    /** A candidate who passes every rule; each test changes only what it is about. */
    private static VariableMap qualified() {
        return Variables.createVariables().putValue("serviceYears", 5.0).putValue("belowCompetentLast2", false)
                .putValue("excellentCount", 1).putValue("age", 34).putValue("educationRank", 3)
                .putValue("disciplinaryActive", false).putValue("postPool", "CSW_FROM_GRID")
                .putValue("employmentType", "FULL_TIME_GRID");
    }

    private List<String> reasons(VariableMap variables) {
        return engine.getDecisionService().evaluateDecisionByKey("promotion-eligibility").variables(variables)
                .evaluate().collectEntries("reason");
    }

    @Test
    void aQualifiedFullTimeGridWorkerHasNoReason() {
        assertThat(reasons(qualified())).isEmpty();
    }

    @Test
    void r2ShortServiceWithoutExcellentRatingGivesBothReasons() {
        assertThat(reasons(qualified().putValue("serviceYears", 2.5).putValue("excellentCount", 0)))
                .containsExactly("SERVICE_LT_3Y", "NO_EXCELLENT");
    }

    @Test
    void serviceOfExactlyThreeYearsIsEnough() {
        assertThat(reasons(qualified().putValue("serviceYears", 3.0))).isEmpty();
        assertThat(reasons(qualified().putValue("serviceYears", 2.99))).containsExactly("SERVICE_LT_3Y");
    }

    @Test
    void aBelowCompetentRatingInTheLastTwoYearsFails() {
        assertThat(reasons(qualified().putValue("belowCompetentLast2", true)))
                .containsExactly("ASSESSMENT_BELOW_COMPETENT");
    }

    @Test
    void overFortyFiveNeedsTwoExcellentRatings() {
        assertThat(reasons(qualified().putValue("age", 46))).containsExactly("AGE_LIMIT");
        assertThat(reasons(qualified().putValue("age", 45))).isEmpty();
        // R5: 47 years old with two excellent ratings passes the age rule
        assertThat(reasons(qualified().putValue("age", 47).putValue("excellentCount", 2))).isEmpty();
    }

    @Test
    void belowCollegeEducationFailsUnlessEightYearsAndTwoExcellentRatings() {
        assertThat(reasons(qualified().putValue("educationRank", 2))).containsExactly("EDUCATION");
        assertThat(reasons(qualified().putValue("educationRank", 2).putValue("serviceYears", 8.0)
                .putValue("excellentCount", 2))).isEmpty();
        assertThat(reasons(qualified().putValue("educationRank", 2).putValue("serviceYears", 7.5)
                .putValue("excellentCount", 2))).containsExactly("EDUCATION");
        assertThat(reasons(qualified().putValue("educationRank", 2).putValue("serviceYears", 9.0)
                .putValue("excellentCount", 1))).containsExactly("EDUCATION");
    }

    @Test
    void anActiveDisciplinaryMeasureFails() {
        assertThat(reasons(qualified().putValue("disciplinaryActive", true))).containsExactly("DISCIPLINARY");
    }

    @Test
    void theCommunityWorkerPoolIsOnlyForFullTimeGridWorkers() {
        assertThat(reasons(qualified().putValue("employmentType", "PART_TIME_GRID"))).containsExactly("NOT_FULL_TIME");
        assertThat(reasons(qualified().putValue("employmentType", "PART_TIME_GRID")
                .putValue("postPool", "INSTITUTION_RESERVED"))).isEmpty();
    }

    @Test
    void everyFailingRuleIsListedInTableOrder() {
        VariableMap everything = Variables.createVariables().putValue("serviceYears", 1.0)
                .putValue("belowCompetentLast2", true).putValue("excellentCount", 0).putValue("age", 50)
                .putValue("educationRank", 1).putValue("disciplinaryActive", true).putValue("postPool", "CSW_FROM_GRID")
                .putValue("employmentType", "PART_TIME_GRID");
        assertThat(reasons(everything)).containsExactly("SERVICE_LT_3Y", "ASSESSMENT_BELOW_COMPETENT", "NO_EXCELLENT",
                "AGE_LIMIT", "EDUCATION", "DISCIPLINARY", "NOT_FULL_TIME");
    }
}

package cn.gridflow.process.dmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DMN {@code commendation-screening} (表彰资格初审, COLLECT), domain-spec §4.4 step 3. */
@Deployment(resources = "dmn/commendation-screening.dmn")
class CommendationScreeningDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    @ParameterizedTest(name = "{0} complaints, disciplined {1} → [{2}]")
    @CsvSource(delimiter = ';', value = {
            "0; false; ''",
            "1; false; SUSTAINED_COMPLAINT",
            "3; false; SUSTAINED_COMPLAINT",
            "0; true; DISCIPLINE_LAST_YEAR",
            "2; true; SUSTAINED_COMPLAINT,DISCIPLINE_LAST_YEAR"})
    void everyFailingConditionIsListed(int complaints, boolean disciplined, String expected) {
        List<String> reasons = engine.getDecisionService().evaluateDecisionByKey("commendation-screening")
                .variables(Variables.createVariables().putValue("sustainedComplaints", complaints)
                        .putValue("disciplinedLastYear", disciplined))
                .evaluate().collectEntries("reason");
        assertThat(String.join(",", reasons)).isEqualTo(expected);
    }
}

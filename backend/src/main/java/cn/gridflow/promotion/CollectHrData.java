package cn.gridflow.promotion;

import cn.gridflow.process.ProcessBean;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.gridflow.process.promotion.RoundSetup;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * {@code ${collectHrData}}: fills candidate-screening with the applicant's HR record. The performance score is the
 * grid-incident archive's for the year before the round where the applicant handled events that year, the HR
 * record's otherwise ({@link WorkerPerformance}); {@code performanceSource} says which.
 */
@ProcessBean
@Component("collectHrData")
public class CollectHrData implements JavaDelegate {

    private final HrRecords records;
    private final WorkerPerformance performance;
    private final ObjectMapper json;

    public CollectHrData(HrRecords records, WorkerPerformance performance, ObjectMapper json) {
        this.records = records;
        this.performance = performance;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        String applicantId = (String) execution.getVariable("applicantId");
        HrRecords.HrRecord record = records.find(applicantId)
                .orElseThrow(() -> new IllegalStateException("no HR record for " + applicantId));
        int year = ((Number) execution.getVariable("year")).intValue();
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), RoundSetup.ZONE);
        for (Map.Entry<String, Object> fact : HrRecords.eligibilityFacts(record, year, today).entrySet()) {
            if (fact.getValue() instanceof List<?> list) {
                execution.setVariable(fact.getKey(), SpinValues.jsonValue(json.writeValueAsString(list)).create());
            } else {
                execution.setVariable(fact.getKey(), fact.getValue());
            }
        }
        WorkerPerformance.Performance figure = performance.of(applicantId, WorkerPerformance.assessmentYearOf(year),
                record.performanceScore());
        execution.setVariable("performanceScore", figure.score());
        execution.setVariable("performanceSource", figure.source());
        execution.setVariable("performanceEvents", figure.events());
    }
}

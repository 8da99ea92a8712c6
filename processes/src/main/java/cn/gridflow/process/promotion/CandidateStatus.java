package cn.gridflow.process.promotion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * {@code ${promotionStatus.set(execution, 'IN_PUBLICITY')}}: a candidate's state (§4.5) as the variable
 * {@code candidateStatus} of its own process, and reported to the ledger with the facts known at that point.
 */
public class CandidateStatus {

    static final List<String> FACTS = List.of("eligibilityViolations", "writtenScore", "interviewScore",
            "performanceScore", "performanceSource", "performanceEvents", "commendationBonus", "totalScore", "rank",
            "publicityEndAt", "reportDueAt", "objectionSubstantiated");

    private final PromotionLedger ledger;

    public CandidateStatus(PromotionLedger ledger) {
        this.ledger = ledger;
    }

    public void set(DelegateExecution execution, String status) {
        execution.setVariable("candidateStatus", status);
        Map<String, Object> facts = new LinkedHashMap<>();
        for (String name : FACTS) {
            Object value = execution.getVariable(name);
            if (value != null) {
                facts.put(name, value);
            }
        }
        ledger.record((String) execution.getVariable("roundKey"), (String) execution.getVariable("applicantId"),
                status, facts);
    }

    /** A community that does not recommend ends the application like a failed eligibility check, with its reason. */
    public void notRecommended(DelegateExecution execution) {
        execution.setVariable("eligibilityViolations", "NOT_RECOMMENDED");
        set(execution, "INELIGIBLE");
    }
}

package cn.gridflow.process.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * {@code ${promotionScoring}}: the total of §4.3 step 6, {@code 0.4·written + 0.3·interview + 0.3·performance +
 * commendationBonus}, the bonus capped (+3 by default, BK).
 */
public class PromotionScoring {

    private final double bonusCap;

    public PromotionScoring(double bonusCap) {
        this.bonusCap = bonusCap;
    }

    public double total(DelegateExecution execution) {
        double written = score(execution, "writtenScore");
        double interview = score(execution, "interviewScore");
        double performance = score(execution, "performanceScore");
        Object bonus = execution.getVariable("commendationBonus");
        double total = total(written, interview, performance, bonus instanceof Number n ? n.doubleValue() : 0);
        execution.setVariable("totalScore", total);
        return total;
    }

    public double total(double written, double interview, double performance, double bonus) {
        double raw = 0.4 * written + 0.3 * interview + 0.3 * performance + Math.max(0, Math.min(bonus, bonusCap));
        // Two decimals, half up, so that equal inputs always rank equal (no binary-fraction noise).
        return BigDecimal.valueOf(raw).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** The collected reasons of promotion-eligibility as one String variable, in the table's order. */
    public String join(Collection<?> reasons) {
        return reasons == null ? "" : reasons.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static double score(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException(name + " is missing");
        }
        double score = n.doubleValue();
        // The forms refuse these already; a value from engine-rest must not slip through either.
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException(name + " must be between 0 and 100, was " + score);
        }
        return score;
    }
}

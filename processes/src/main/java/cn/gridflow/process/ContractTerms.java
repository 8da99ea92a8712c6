package cn.gridflow.process;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * {@code ${contractTerms}}: the arithmetic of a service contract's life (domain-spec §3.4) — its term, its own
 * evaluation cycle, and what each grade does to the failure count. Pure, so model tests use it as it is; the
 * backend's beans do the persistence.
 */
public class ContractTerms {

    /** Rectification deadline after a 差 (BK, domain-spec §3.4 step 8). */
    public static final int RECTIFY_DAYS = 30;
    public static final String POOR = "差";
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern CYCLE = Pattern.compile("^(?:R\\d*/)?P(\\d+)M$");

    /**
     * At publication: the term runs from {@code termStart} (today if the draft left it open) for {@code termMonths},
     * with one instalment per period of the contract's evaluation cycle (e.g. {@code R/P3M}).
     */
    public void schedule(DelegateExecution execution) {
        int termMonths = intOf(execution.getVariable("termMonths"));
        Object price = execution.getVariable("priceFen");
        if (price instanceof Number n) {
            // form values arrive as Integer; money is Long fen end to end (§0.3)
            execution.setVariable("priceFen", n.longValue());
        }
        Date start = execution.getVariable("termStart") instanceof Date d ? d : ClockUtil.getCurrentTime();
        execution.setVariable("termStart", start);
        execution.setVariable("termEnd", plusMonths(start, termMonths));
        int cycleMonths = cycleMonths((String) execution.getVariable("evalCycle"));
        int periods = periods(termMonths, cycleMonths);
        execution.setVariable("cycleMonths", cycleMonths);
        execution.setVariable("instalments", periods);
        execution.setVariable("periodIndex", 0);
        execution.setVariable("consecutiveFails", 0);
    }

    /**
     * After {@code eval-grade}: a 差 in a periodic evaluation or a re-evaluation adds one to {@code consecutiveFails},
     * any other grade there resets it; a periodic 差 also sets the rectification deadline. Periodic and final
     * evaluations each settle one period's instalment ({@code periodIndex}). Third-party evaluations are recorded
     * and graded but do not count towards withdrawal: that decision rests on the buyer's own evaluations.
     */
    public void afterGrade(DelegateExecution execution, String kind) {
        String grade = (String) execution.getVariable("evalGrade");
        int payPct = intOf(execution.getVariable("payPct"));
        execution.setVariable("withholdPct", 100 - payPct);
        execution.setVariable("evalKind", kind);
        if ("PERIODIC".equals(kind) || "FINAL".equals(kind)) {
            execution.setVariable("periodIndex", intOf(execution.getVariable("periodIndex")) + 1);
        }
        if ("PERIODIC".equals(kind) || "RE_EVALUATION".equals(kind)) {
            int fails = intOf(execution.getVariable("consecutiveFails"));
            execution.setVariable("consecutiveFails", POOR.equals(grade) ? fails + 1 : 0);
        }
        if ("PERIODIC".equals(kind) && POOR.equals(grade)) {
            execution.setVariable("rectifyDueAt", plusDays(ClockUtil.getCurrentTime(), RECTIFY_DAYS));
        }
    }

    /**
     * Whether a firing of the evaluation cycle opens a periodic evaluation: not once the term has ended. The last
     * period's firing falls on {@code termEnd} itself, where the final evaluation assesses it; whichever of the two
     * timers the job executor runs first, that period is evaluated once.
     */
    public boolean periodicEvaluationDue(DelegateExecution execution) {
        Date termEnd = (Date) execution.getVariable("termEnd");
        return termEnd != null && ClockUtil.getCurrentTime().before(termEnd);
    }

    /** The city government did not approve the withdrawal: performance goes on with a clean failure count. */
    public void resume(DelegateExecution execution) {
        execution.setVariable("consecutiveFails", 0);
    }

    /** The violation codes of {@code contract-term-check} as one comma-separated text; empty when the draft is fine. */
    public String join(List<?> violations) {
        if (violations == null) {
            return "";
        }
        return String.join(",", violations.stream().map(String::valueOf).toList());
    }

    public static int cycleMonths(String evalCycle) {
        if (evalCycle == null || evalCycle.isBlank()) {
            return 3;
        }
        Matcher m = CYCLE.matcher(evalCycle.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw new IllegalArgumentException("evalCycle must be a cycle of whole months such as R/P3M: " + evalCycle);
        }
        return Integer.parseInt(m.group(1));
    }

    public static int periods(int termMonths, int cycleMonths) {
        return Math.max(1, (termMonths + cycleMonths - 1) / cycleMonths);
    }

    public static Date plusMonths(Date from, int months) {
        return Date.from(ZonedDateTime.ofInstant(from.toInstant(), CITY_ZONE).plusMonths(months).toInstant());
    }

    public static Date plusDays(Date from, int days) {
        return Date.from(ZonedDateTime.ofInstant(from.toInstant(), CITY_ZONE).plusDays(days).toInstant());
    }

    static int intOf(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}

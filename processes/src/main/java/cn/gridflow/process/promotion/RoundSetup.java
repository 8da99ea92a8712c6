package cn.gridflow.process.promotion;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * {@code ${roundSetup.configure(execution)}}: completes a round's parameters from configuration. Art. 21 only says
 * "一定比例", so the ratios and periods are configured (BK), never written into the model.
 */
public class RoundSetup {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Periods of §4.3 (all BK): application window, 考察, 公示 in working days; reporting in calendar days. */
    public record Terms(int applicationWorkdays, int inspectionWorkdays, int publicityWorkdays, int reportWithinDays,
                        String probationPeriod) {
        public static final Terms DEFAULT = new Terms(10, 10, 7, 15, "P3M");
    }

    private final double gridShare;
    private final double reservedRatio;
    private final int defaultCswVacancies;
    private final Terms terms;

    public RoundSetup(double gridShare, double reservedRatio, int defaultCswVacancies, Terms terms) {
        this.gridShare = gridShare;
        this.reservedRatio = reservedRatio;
        this.defaultCswVacancies = defaultCswVacancies;
        this.terms = terms;
    }

    public void configure(DelegateExecution execution) {
        // The January timer starts a round without any input: this year's community-worker pool.
        Integer year = execution.getVariable("year") instanceof Number n ? n.intValue()
                : LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE).getYear();
        String pool = execution.getVariable("postPool") instanceof String s && !s.isBlank() ? s : "CSW_FROM_GRID";
        execution.setVariable("year", year);
        execution.setVariable("postPool", pool);
        setIfMissing(execution, "cswVacancies", defaultCswVacancies);
        setIfMissing(execution, "institutionPostsPlanned", 0);
        execution.setVariable("gridShare", gridShare);
        execution.setVariable("reservedRatio", reservedRatio);
        String roundKey = roundKey(year, pool);
        execution.setVariable("roundKey", roundKey);
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(roundKey);
        }
        execution.setVariable("waitlistExpiresAt", waitlistExpiry(year));
        execution.setVariable("applicationWorkdays", terms.applicationWorkdays());
        execution.setVariable("inspectionWorkdays", terms.inspectionWorkdays());
        execution.setVariable("publicityWorkdays", terms.publicityWorkdays());
        execution.setVariable("reportWithinDays", terms.reportWithinDays());
        execution.setVariable("probationPeriod", terms.probationPeriod());
    }

    public static String roundKey(int year, String pool) {
        return "PR-" + year + "-" + pool;
    }

    /** The waitlist is valid until the end of 31 December of the round's year (§4.3 step 7), Beijing time. */
    public static Date waitlistExpiry(int year) {
        return Date.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(ZONE).toInstant());
    }

    private static void setIfMissing(DelegateExecution execution, String name, Object value) {
        if (execution.getVariable(name) == null) {
            execution.setVariable(name, value);
        }
    }
}

package cn.gridflow.process.procurement;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.gridflow.process.ContractTerms;
import cn.gridflow.process.PaymentPlan;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Stand-ins for the backend beans of the procurement processes: they record what the backend would persist. */
final class ProcurementFakes {

    private ProcurementFakes() {
    }

    /** {@code ${workCalendar}}: working days are calendar days here; the backend's calendar is tested on its own. */
    public static class Calendar {
        public Date addWorkdays(Date from, int days) {
            return ContractTerms.plusDays(from, days);
        }
    }

    public static class Catalog {
        final List<String> calls = new ArrayList<>();
        /** Items the backend holds as SUSPENDED (a contract's withdrawal puts them there). */
        final Set<String> suspended = new HashSet<>();
        int poorGrades;

        public void syncStatus(DelegateExecution e) {
            if (suspended.contains(String.valueOf(e.getVariable("itemCode")))) {
                e.setVariable("status", "SUSPENDED");
            }
        }

        public void register(DelegateExecution e) {
            calls.add("REGISTER " + e.getVariable("itemCode"));
        }

        public void reject(DelegateExecution e, String reason) {
            calls.add("REJECT " + reason);
        }

        public void publish(DelegateExecution e) {
            calls.add("PUBLISH " + e.getCurrentActivityId());
            suspended.remove(String.valueOf(e.getVariable("itemCode")));
        }

        public void collectGrades(DelegateExecution e) {
            e.setVariable("poorGradesLast2Years", poorGrades);
        }

        public void recordReview(DelegateExecution e) {
            calls.add("REVIEW " + e.getVariable("necessityScore") + " " + e.getVariable("adjustment"));
        }

        public void remove(DelegateExecution e) {
            calls.add("REMOVE " + e.getVariable("adjustment"));
            if ("REMOVE_AND_TAKE_BACK".equals(e.getVariable("adjustment"))) {
                // as the backend's serviceCatalog does it
                e.getProcessEngineServices().getRuntimeService().createMessageCorrelation("MSG_ITEM_TAKEN_BACK")
                        .processInstanceVariableEquals("itemCode", e.getVariable("itemCode")).correlateAll();
            }
        }
    }

    public static class Contracts {
        final List<String> calls = new ArrayList<>();
        private final Catalog catalog;

        Contracts(Catalog catalog) {
            this.catalog = catalog;
        }

        public void register(DelegateExecution e) {
            calls.add("REGISTER " + e.getProcessBusinessKey());
        }

        public void close(DelegateExecution e, String status) {
            calls.add("CLOSE " + status);
        }

        public void status(DelegateExecution e, String status) {
            calls.add("STATUS " + status);
        }

        public void awarded(DelegateExecution e) {
            calls.add("AWARDED " + e.getVariable("providerId") + " " + e.getVariable("priceFen"));
        }

        public void publish(DelegateExecution e) {
            calls.add("PUBLISH " + e.getVariable("termMonths") + " " + e.getVariable("evalCycle"));
        }

        public void recordEvaluation(DelegateExecution e, String kind) {
            calls.add(kind + " " + e.getVariable("evalScore") + " " + e.getVariable("evalGrade"));
        }

        public void resumed(DelegateExecution e) {
            calls.add("RESUMED");
        }

        public void noticeTermination(DelegateExecution e) {
            calls.add("NOTICE " + e.getVariable("providerId"));
        }

        public void takeBack(DelegateExecution e) {
            calls.add("TAKE_BACK " + e.getVariable("itemCode"));
            catalog.suspended.add(String.valueOf(e.getVariable("itemCode")));
        }

        public void archive(DelegateExecution e) {
            calls.add("ARCHIVE");
        }

        List<String> evaluations() {
            return calls.stream().filter(c -> c.startsWith("PERIODIC") || c.startsWith("RE_EVALUATION")
                    || c.startsWith("THIRD_PARTY") || c.startsWith("FINAL")).toList();
        }
    }

    /** Pays by the shared {@link PaymentPlan}, so a model test can add up what the backend would pay. */
    public static class Payments {
        final List<String> calls = new ArrayList<>();
        long paidFen;
        long recoveredFen;

        private static PaymentPlan plan(DelegateExecution e) {
            return new PaymentPlan(((Number) e.getVariable("priceFen")).longValue(),
                    ((Number) e.getVariable("prepayPct")).intValue(), ((Number) e.getVariable("instalments")).intValue());
        }

        public void payAdvance(DelegateExecution e) {
            long fen = plan(e).advanceFen();
            paidFen += fen;
            calls.add("ADVANCE " + fen);
        }

        public void payInstalment(DelegateExecution e) {
            int period = ((Number) e.getVariable("periodIndex")).intValue();
            int payPct = ((Number) e.getVariable("payPct")).intValue();
            long fen = PaymentPlan.payable(plan(e).instalmentFen(period), payPct);
            paidFen += fen;
            calls.add("INSTALMENT " + period + " " + payPct + "%");
        }

        public void recoverAdvance(DelegateExecution e) {
            recoveredFen = PaymentPlan.unearned(plan(e).advanceFen(), (Date) e.getVariable("termStart"),
                    (Date) e.getVariable("termEnd"), org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
            calls.add("RECOVER " + recoveredFen);
        }

        public void settle(DelegateExecution e) {
            calls.add("SETTLE " + paidFen);
        }
    }

    static Date at(String isoOffsetDateTime) {
        return Date.from(ZonedDateTime.parse(isoOffsetDateTime).toInstant());
    }
}

package cn.gridflow.process.hoa;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.process.hoa.VoteTallyService.Ballot;
import cn.gridflow.process.hoa.VoteTallyService.Choice;
import cn.gridflow.process.hoa.VoteTallyService.Unit;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * In-memory stand-ins for the backend beans of the hoa processes (the backend keeps the same things in tables).
 * The ballot box counts with the real {@link VoteTallyService}, so the model tests exercise the real arithmetic.
 */
final class HoaStandIns {

    private HoaStandIns() {
    }

    /** What happened, in order: "PUBLISH PROPOSAL", "FILING RESOLUTION ACCEPTED", "PAID 28000000", … */
    static final class Journal {
        final List<String> entries = new ArrayList<>();

        void add(String entry) {
            entries.add(entry);
        }

        long count(String prefix) {
            return entries.stream().filter(e -> e.startsWith(prefix)).count();
        }
    }

    public static class Matters {
        final Journal journal;

        Matters(Journal journal) {
            this.journal = journal;
        }

        public void register(DelegateExecution execution) {
            execution.setVariable("membersTotal", 9);
            journal.add("REGISTER " + execution.getVariable("matterType"));
        }

        public void close(DelegateExecution execution, String outcome) {
            execution.setVariable("outcome", outcome);
            journal.add("CLOSE " + outcome);
        }
    }

    /** The ballot box: an electorate and, per round, one ballot per voter key. */
    public static class BallotBox {
        final Journal journal;
        final List<Unit> electorate = new ArrayList<>();
        final Map<Integer, Map<String, Choice>> ballotsByRound = new LinkedHashMap<>();
        boolean open;

        BallotBox(Journal journal) {
            this.journal = journal;
        }

        /** §2.7: 400 owners, one unit each; the given areas first, 100.00 m² for the rest. */
        void owners(int count, long... firstAreas) {
            for (int i = 1; i <= count; i++) {
                long area = i <= firstAreas.length ? firstAreas[i - 1] : 10_000;
                electorate.add(new Unit("U" + i, "O" + i, area, false));
            }
        }

        void cast(int round, int from, int to, Choice choice) {
            for (int i = from; i <= to; i++) {
                cast(round, "O" + i, choice);
            }
        }

        void cast(int round, String voterKey, Choice choice) {
            if (!open) {
                throw new IllegalStateException("voting is closed");
            }
            if (ballotsByRound.computeIfAbsent(round, r -> new LinkedHashMap<>()).putIfAbsent(voterKey, choice) != null) {
                throw new IllegalStateException(voterKey + " already voted");
            }
        }

        public void open(DelegateExecution execution) {
            open = true;
            journal.add("OPEN round " + execution.getVariable("voteRound"));
        }

        public void recordBallot(DelegateExecution execution) {
            cast(((Number) execution.getVariable("voteRound")).intValue(), (String) execution.getVariable("voterKey"),
                    Choice.valueOf((String) execution.getVariable("choice")));
        }

        public void tally(DelegateExecution execution) {
            int round = ((Number) execution.getVariable("voteRound")).intValue();
            List<Ballot> ballots = ballotsByRound.getOrDefault(round, Map.of()).entrySet().stream()
                    .map(e -> new Ballot(e.getKey(), e.getValue())).toList();
            new VoteTallyService().tally(electorate, ballots).writeTo(execution);
        }

        public void close(DelegateExecution execution) {
            open = false;
            journal.add("CLOSE round " + execution.getVariable("voteRound") + " quorum=" + execution.getVariable("quorumMet")
                    + " passed=" + execution.getVariable("passed"));
        }
    }

    public static class Publications {
        final Journal journal;

        Publications(Journal journal) {
            this.journal = journal;
        }

        public void publish(DelegateExecution execution, String kind) {
            if ("RESOLUTION".equals(kind)) {
                execution.setVariable("resolutionNo", "JY-" + execution.getVariable("voteRound"));
            }
            journal.add("PUBLISH " + kind);
        }
    }

    public static class Filings {
        final Journal journal;

        Filings(Journal journal) {
            this.journal = journal;
        }

        public void record(DelegateExecution execution, String kind) {
            execution.setVariable("filingStatus", execution.getVariable("filingOutcome"));
            journal.add("FILING " + kind + " " + execution.getVariable("filingOutcome"));
        }
    }

    public static class Notices {
        final Journal journal;

        Notices(Journal journal) {
            this.journal = journal;
        }

        public void partyReviewOverdue(DelegateExecution execution) {
            journal.add("ESCALATE party review");
        }

        public void notifyProposers(DelegateExecution execution) {
            journal.add("NOTIFY proposers: " + execution.getVariable("partyOpinion"));
        }
    }

    /** Stands in for the backend's start of hoa-fund-agency (idempotent there by its business key). */
    public static class Agency {
        final Journal journal;

        Agency(Journal journal) {
            this.journal = journal;
        }

        public void engage(DelegateExecution execution) {
            journal.add("ENGAGE " + execution.getVariable("resolutionNo"));
        }
    }

    /** Payments against the approved budget of each matter; recording is idempotent per payment process. */
    public static class Fund {
        final Journal journal;
        final Map<String, Long> paidByPaymentProcess = new LinkedHashMap<>();

        Fund(Journal journal) {
            this.journal = journal;
        }

        long paid() {
            return paidByPaymentProcess.values().stream().mapToLong(Long::longValue).sum();
        }

        public void checkBudget(DelegateExecution execution) {
            long budget = ((Number) execution.getVariable("budgetFen")).longValue();
            long amount = ((Number) execution.getVariable("amountFen")).longValue();
            long remaining = budget - paid();
            execution.setVariable("remainingFen", remaining);
            execution.setVariable("withinBudget", amount > 0 && amount <= remaining);
            if (!(amount <= remaining)) {
                execution.setVariable("paymentStatus", "REFUSED_OVER_BUDGET");
            }
        }

        public void checkApprovals(DelegateExecution execution) {
            execution.setVariable("bothApproved", Boolean.TRUE.equals(execution.getVariable("chairApproved"))
                    && Boolean.TRUE.equals(execution.getVariable("memberApproved")));
        }

        public void recordPayment(DelegateExecution execution) {
            long amount = ((Number) execution.getVariable("amountFen")).longValue();
            if (paidByPaymentProcess.putIfAbsent(execution.getProcessInstanceId(), amount) == null) {
                journal.add("PAID " + amount);
            }
            execution.setVariable("paymentStatus", "PAID");
        }

        public void recoverPayments(DelegateExecution execution) {
            journal.add("RECOVER " + paid());
            paidByPaymentProcess.clear();
        }
    }

    /** Working days counted as natural days (the working-day calendar has its own tests in the backend). */
    public static class NaturalCalendar {
        public Date addWorkdays(Date from, int days) {
            return Date.from(from.toInstant().plus(Duration.ofDays(days)));
        }
    }
}

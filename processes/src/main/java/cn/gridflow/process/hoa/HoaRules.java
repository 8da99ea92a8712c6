package cn.gridflow.process.hoa;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * {@code ${hoaRules}}: the procedural rules of 三审两公开一备案 (domain-spec §2.3) that need no database — the
 * committee's quorum and majority, the notice period before a vote, the one extension, the re-vote rounds, and the
 * guards on party review and on dual approval of a payment. Shared by the backend and the model tests.
 * <p>
 * The periods are the spec's defaults: 15 days' notice before voting opens [S31] (applied to every assembly: BK),
 * a 15-day voting window (BK), a 15-day extension (BK), at most 2 party returns and 2 vote rounds.
 */
public class HoaRules {

    public static final Duration NOTICE = Duration.ofDays(15);
    public static final Duration MEETING_NOTICE = Duration.ofDays(7);
    public static final Duration VOTING = Duration.ofDays(15);
    public static final Duration EXTENSION = Duration.ofDays(15);
    public static final int MAX_PARTY_RETURNS = 2;
    public static final int MAX_VOTE_ROUNDS = 2;
    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    /** Breaks a rule of the procedure: the completing step is rolled back, the caller gets a 4xx with {@code code}. */
    public static class RuleViolation extends ProcessEngineException {
        private final String code;

        public RuleViolation(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * 审1: a meeting needs more than half of all members present, a decision at least half of ALL members in favour
     * [S30]; {@code committeePassed = membersPresent*2 > membersTotal && membersFor*2 >= membersTotal}.
     */
    public boolean committee(DelegateExecution execution) {
        int total = intVar(execution, "membersTotal");
        int present = intVar(execution, "membersPresent");
        int inFavour = intVar(execution, "membersFor");
        if (total <= 0 || present < 0 || inFavour < 0 || present > total || inFavour > present) {
            throw new RuleViolation("hoa.committee.counts",
                    "committee counts must satisfy 0 ≤ for ≤ present ≤ total, total > 0 (got " + inFavour + "/"
                            + present + "/" + total + ")");
        }
        boolean passed = present * 2 > total && inFavour * 2 >= total;
        execution.setVariable("committeePassed", passed);
        return passed;
    }

    /**
     * 审1 is held at a meeting announced at least 7 days ahead [S30]: the chair's meeting date (a form sends local
     * time in the city's zone, or an ISO instant) must not be earlier than 7 days after now, the announcement.
     * Stores both instants as Dates; the timer before 审1 waits for the meeting date.
     */
    public void checkMeetingDate(DelegateTask task) {
        Date meeting = toDate(task.getVariable("committeeMeetingAt"));
        if (meeting == null) {
            throw new RuleViolation("hoa.meeting.missing", "the committee meeting needs a date");
        }
        Instant announced = ClockUtil.getCurrentTime().toInstant();
        if (meeting.toInstant().isBefore(announced.plus(MEETING_NOTICE))) {
            throw new RuleViolation("hoa.meeting.too-early", "the committee meeting must be announced at least 7 days"
                    + " ahead: " + meeting.toInstant() + " is earlier than " + announced.plus(MEETING_NOTICE));
        }
        task.setVariable("committeeMeetingAt", meeting);
        task.setVariable("meetingAnnouncedAt", Date.from(announced));
    }

    static Date toDate(Object value) {
        if (value instanceof Date date) {
            return date;
        }
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        try {
            return Date.from(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (java.time.format.DateTimeParseException withoutOffset) {
            try {
                return Date.from(java.time.LocalDateTime.parse(text).atZone(CITY_ZONE).toInstant());
            } catch (java.time.format.DateTimeParseException e) {
                throw new RuleViolation("hoa.meeting.missing", "not a date and time: " + text);
            }
        }
    }

    /**
     * 公开1: the proposal is published now; voting opens no earlier than the notice period from now (a later date the
     * chair asked for is kept) and closes after the voting window.
     */
    public void scheduleVote(DelegateExecution execution) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant earliest = now.plus(NOTICE);
        Object asked = execution.getVariable("voteOpenAt");
        Instant open = asked instanceof Date d && !d.toInstant().isBefore(earliest) ? d.toInstant() : earliest;
        execution.setVariable("proposalPublishedAt", Date.from(now));
        execution.setVariable("voteOpenAt", Date.from(open));
        execution.setVariable("voteCloseAt", Date.from(open.plus(VOTING)));
    }

    /** Quorum not met the first time: the same round stays open for one more period. */
    public void extendVoting(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable("extensionUsed"))) {
            throw new RuleViolation("hoa.vote.extension-used", "the vote has already been extended once");
        }
        Date close = (Date) execution.getVariable("voteCloseAt");
        Instant from = close == null ? ClockUtil.getCurrentTime().toInstant() : close.toInstant();
        execution.setVariable("voteCloseAt", Date.from(from.plus(EXTENSION)));
        execution.setVariable("extensionUsed", true);
    }

    public boolean mayRevote(VariableScope scope) {
        return intVar(scope, "voteRound") < MAX_VOTE_ROUNDS;
    }

    /** A re-vote (no quorum after the extension, or a procedural defect at filing): a fresh round, fresh notice. */
    public void newRound(DelegateExecution execution) {
        int round = intVar(execution, "voteRound");
        if (round >= MAX_VOTE_ROUNDS) {
            throw new RuleViolation("hoa.vote.max-rounds", "at most " + MAX_VOTE_ROUNDS + " vote rounds");
        }
        // extensionUsed is deliberately kept: the one extension of §2.3 step 6 is per matter, so a second round
        // that misses the quorum goes straight to the chair's decision (H3: 266 owners → FAILED_NO_QUORUM).
        execution.setVariable("voteRound", round + 1);
        execution.removeVariable("voteOpenAt");
        for (String name : new String[] {"participatingCount", "yesCount", "participatingAreaCenti", "yesAreaCenti"}) {
            execution.setVariable(name, 0L);
        }
        execution.setVariable("quorumMet", false);
        execution.setVariable("passed", false);
    }

    /** Party review: APPROVE, RETURN (while fewer than 2 returns so far) or REJECT; a reject needs an opinion. */
    public void checkPartyDecision(DelegateTask task) {
        Object decision = task.getVariable("partyDecision");
        if (!Set.of("APPROVE", "RETURN", "REJECT").contains(decision)) {
            throw new RuleViolation("hoa.party.decision", "partyDecision must be APPROVE, RETURN or REJECT");
        }
        if ("RETURN".equals(decision) && intVar(task, "partyReturnCount") >= MAX_PARTY_RETURNS) {
            throw new RuleViolation("hoa.party.no-more-returns",
                    "the proposal was returned " + MAX_PARTY_RETURNS + " times: approve or reject it");
        }
        Object opinion = task.getVariable("partyOpinion");
        if (!"APPROVE".equals(decision) && (opinion == null || opinion.toString().isBlank())) {
            throw new RuleViolation("hoa.party.opinion", "a return or rejection needs the party organisation's opinion");
        }
    }

    /**
     * Dual approval of a payment: the chair's and a member's approvals must come from two different people, in
     * whichever order they arrive (the chair is usually a member too). Each approval is kept under its own name
     * ({@code chairApproved}, {@code memberApproved}) because both forms submit {@code approved}.
     */
    public void approve(DelegateTask task, String mine, String other) {
        String approver = task.getAssignee();
        if (approver == null) {
            throw new RuleViolation("hoa.payment.unclaimed", "claim the approval before completing it");
        }
        if (approver.equals(task.getVariable(other + "Approver"))) {
            throw new RuleViolation("hoa.payment.same-approver", "the two approvals must come from different people");
        }
        task.setVariable(mine + "Approver", approver);
        task.setVariable(mine + "Approved", Boolean.TRUE.equals(task.getVariable("approved")));
    }

    /** A new matter: counters at their start values, money as Long fen whatever JSON number type the form sent. */
    public void initialise(DelegateExecution execution) {
        if (execution.getVariable("matterId") == null) {
            execution.setVariable("matterId", execution.getProcessBusinessKey());
        }
        execution.setVariable("partyReturnCount", 0);
        execution.setVariable("voteRound", 1);
        execution.setVariable("extensionUsed", false);
        Object budget = execution.getVariable("budgetFen");
        if (budget instanceof Number n) {
            if (n.longValue() < 0) {
                throw new RuleViolation("hoa.budget.negative", "the budget cannot be negative");
            }
            execution.setVariable("budgetFen", n.longValue());
        }
    }

    /** The 业财代理 statement cycle: every month from the first day of next month, 00:00 Beijing time. */
    public String monthlyCycle() {
        ZonedDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(CITY_ZONE);
        ZonedDateTime first = now.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(CITY_ZONE);
        return "R/" + first.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1M";
    }

    static int intVar(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Number n ? n.intValue() : 0;
    }
}

package cn.gridflow.process.promotion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * {@code ${promotionRanking}}: ranks a round's scored candidates, fills the quota with a shortlist and keeps the rest
 * on a waitlist that refills vacated seats until {@code waitlistExpiresAt} (§4.3 steps 6–10).
 * <p>
 * Tie-break, in this order: higher total, higher written-test score, higher interview score, longer service, then
 * the applicant id, so that the ranking is total and the same on every run.
 * <p>
 * The ranking lives in the round as two String variables of applicant ids in rank order: {@code ranking} (every
 * scored candidate) and {@code waitlist} (those still waiting).
 */
public class PromotionRanking {

    public record Scored(String applicantId, double totalScore, double writtenScore, double interviewScore,
                         double serviceYears) {
    }

    public static final Comparator<Scored> ORDER = Comparator.comparingDouble(Scored::totalScore).reversed()
            .thenComparing(Comparator.comparingDouble(Scored::writtenScore).reversed())
            .thenComparing(Comparator.comparingDouble(Scored::interviewScore).reversed())
            .thenComparing(Comparator.comparingDouble(Scored::serviceYears).reversed())
            .thenComparing(Scored::applicantId);

    private final PromotionLedger ledger;

    public PromotionRanking(PromotionLedger ledger) {
        this.ledger = ledger;
    }

    public static List<Scored> rank(List<Scored> candidates) {
        return candidates.stream().sorted(ORDER).toList();
    }

    /** Reads the finished screenings of this round, ranks them and records SHORTLISTED / WAITLISTED with each rank. */
    public void rank(DelegateExecution round) {
        List<Scored> ranked = rank(scoredCandidates(round));
        int quota = ((Number) round.getVariable("annualQuota")).intValue();
        String roundKey = (String) round.getVariable("roundKey");
        List<String> ids = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Scored s = ranked.get(i);
            int rank = i + 1;
            ids.add(s.applicantId());
            String status = rank <= quota ? "SHORTLISTED" : "WAITLISTED";
            if (rank > quota) {
                waiting.add(s.applicantId());
            }
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("rank", rank);
            facts.put("totalScore", s.totalScore());
            ledger.record(roundKey, s.applicantId(), status, facts);
        }
        round.setVariable("ranking", String.join(",", ids));
        round.setVariable("waitlist", String.join(",", waiting));
        round.setVariable("shortlistSize", Math.min(quota, ranked.size()));
    }

    /** The first {@code annualQuota} of the ranking, for the multi-instance appointment. */
    public List<String> shortlist(DelegateExecution round) {
        List<String> ranking = split(round.getVariable("ranking"));
        int quota = ((Number) round.getVariable("annualQuota")).intValue();
        return ranking.subList(0, Math.min(quota, ranking.size()));
    }

    public int rankOf(DelegateExecution round, String applicantId) {
        return split(round.getVariable("ranking")).indexOf(applicantId) + 1;
    }

    /**
     * A seat was vacated: takes the best-ranked waiting candidate, if the waitlist is still valid, into the local
     * variable {@code nextApplicantId} (null when nobody can be offered the seat).
     */
    public String takeNext(DelegateExecution execution) {
        List<String> waiting = new ArrayList<>(split(execution.getVariable("waitlist")));
        Date expiresAt = (Date) execution.getVariable("waitlistExpiresAt");
        String next = null;
        if (!waiting.isEmpty() && ClockUtil.getCurrentTime().before(expiresAt)) {
            next = waiting.remove(0);
            execution.setVariable("waitlist", String.join(",", waiting));
        }
        execution.setVariableLocal("nextApplicantId", next);
        return next;
    }

    /** 31 December has passed: whoever is still waiting becomes WAITLIST_EXPIRED. */
    public void expireWaitlist(DelegateExecution round) {
        String roundKey = (String) round.getVariable("roundKey");
        for (String applicantId : split(round.getVariable("waitlist"))) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("rank", rankOf(round, applicantId));
            ledger.record(roundKey, applicantId, "WAITLIST_EXPIRED", facts);
        }
        round.setVariable("waitlist", "");
    }

    private static List<Scored> scoredCandidates(DelegateExecution round) {
        HistoryService history = round.getProcessEngineServices().getHistoryService();
        List<Scored> scored = new ArrayList<>();
        for (HistoricProcessInstance screening : history.createHistoricProcessInstanceQuery()
                .superProcessInstanceId(round.getProcessInstanceId()).processDefinitionKey("candidate-screening")
                .finished().list()) {
            Map<String, Object> vars = new HashMap<>();
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                    .processInstanceId(screening.getId()).list()) {
                vars.put(v.getName(), v.getValue());
            }
            if ("SCORED".equals(vars.get("candidateStatus"))) {
                scored.add(new Scored((String) vars.get("applicantId"), number(vars, "totalScore"),
                        number(vars, "writtenScore"), number(vars, "interviewScore"), number(vars, "serviceYears")));
            }
        }
        return scored;
    }

    private static double number(Map<String, Object> vars, String name) {
        return vars.get(name) instanceof Number n ? n.doubleValue() : 0;
    }

    static List<String> split(Object value) {
        return value == null || value.toString().isBlank() ? List.of()
                : Arrays.stream(value.toString().split(",")).map(String::trim).toList();
    }
}

package cn.gridflow.hoa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The 业财代理 page's read model (domain-spec §2.6): each engagement, its monthly statements (the agent's booking,
 * the chair's and the supervisory committee's confirmations, the publication to owners, the community's review
 * and any rectification), and the estate's payments against each approved budget with what remains.
 * Read from the engine's history of hoa-fund-agency — every statement cycle is one instance of the subprocess
 * {@code statementCycle} with its own local variables — and from the payment table.
 */
@Component
public class HoaAgencyBoard {

    public record Agency(String id, String matterId, String estateId, String estateName, String resolutionNo,
                         String title, String processInstanceId, Instant startedAt, String state,
                         List<String> currentSteps) {
    }

    /** A confirmation or review: PENDING while its task is open, WAITING before it exists. */
    public record Check(String state, String by, Instant at, String note) {
    }

    public record Statement(String cycleId, String period, Long incomeFen, Long expenseFen, Instant startedAt,
                            Instant completedAt, Check booking, Check chair, Check supervisor, Instant publishedAt,
                            Check review, Check rectification) {
    }

    public record PendingPayment(String processInstanceId, long amountFen, String purpose, List<String> steps,
                                 Instant requestedAt) {
    }

    public record Budget(String matterId, String title, String resolutionNo, long budgetFen, long paidFen,
                         long remainingFen, List<HoaFund.Payment> payments, List<PendingPayment> pending) {
    }

    public record AgencyDetail(Agency agency, List<Statement> statements, List<Budget> budgets) {
    }

    private final JdbcTemplate jdbc;
    private final HistoryService historyService;
    private final HoaFund fund;

    public HoaAgencyBoard(JdbcTemplate jdbc, HistoryService historyService, HoaFund fund) {
        this.jdbc = jdbc;
        this.historyService = historyService;
        this.fund = fund;
    }

    public List<Agency> of(List<String> estateIds) {
        if (estateIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select a.id, a.matter_id, a.estate_id, e.name, a.resolution_no, m.title, a.proc_inst_id,"
                        + " a.started_at from gf_hoa_agency a join gf_hoa_estate e on e.id = a.estate_id"
                        + " join gf_hoa_matter m on m.id = a.matter_id where a.estate_id in ("
                        + HoaMatters.marks(estateIds.size()) + ") order by a.started_at desc, a.id",
                (rs, i) -> agency(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()), estateIds.toArray());
    }

    public Optional<Agency> byId(String id) {
        return jdbc.query("select estate_id from gf_hoa_agency where id = ?", (rs, i) -> rs.getString(1), id).stream()
                .findFirst().flatMap(estate -> of(List.of(estate)).stream().filter(a -> a.id().equals(id)).findFirst());
    }

    private Agency agency(String id, String matterId, String estateId, String estateName, String resolutionNo,
                          String title, String pid, Instant startedAt) {
        String state = "STARTING";
        List<String> steps = List.of();
        if (pid != null) {
            HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(pid).singleResult();
            List<HistoricActivityInstance> open = historyService.createHistoricActivityInstanceQuery()
                    .processInstanceId(pid).unfinished().list();
            steps = open.stream().filter(a -> "userTask".equals(a.getActivityType()))
                    .map(HistoricActivityInstance::getActivityName).distinct().toList();
            if (instance != null && instance.getEndTime() != null) {
                state = "ENDED";
            } else if (open.stream().anyMatch(a -> "agencyInForce".equals(a.getActivityId()))) {
                state = "IN_FORCE";
            } else if (open.stream().anyMatch(a -> "fileContract".equals(a.getActivityId()))) {
                state = "FILING";
            } else {
                state = "SIGNING";
            }
        }
        return new Agency(id, matterId, estateId, estateName, resolutionNo, title, pid, startedAt, state, steps);
    }

    public AgencyDetail detail(Agency agency) {
        List<Statement> statements = agency.processInstanceId() == null ? List.of()
                : statements(agency.processInstanceId());
        return new AgencyDetail(agency, statements, budgets(agency.estateId()));
    }

    private List<Statement> statements(String pid) {
        List<HistoricActivityInstance> all = historyService.createHistoricActivityInstanceQuery().processInstanceId(pid)
                .orderByHistoricActivityInstanceStartTime().asc().list();
        // A cycle's local variables live on the subprocess's scope execution; history names that execution (and,
        // depending on when the input mapping ran, the cycle's activity instance): both are looked up.
        Map<String, Map<String, Object>> localsByScope = new HashMap<>();
        for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery().processInstanceId(pid)
                .list()) {
            if (pid.equals(v.getExecutionId())) {
                continue;
            }
            localsByScope.computeIfAbsent(v.getExecutionId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
            localsByScope.computeIfAbsent(v.getActivityInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
        List<Statement> statements = new ArrayList<>();
        for (HistoricActivityInstance cycle : all) {
            if (!"statementCycle".equals(cycle.getActivityId())) {
                continue;
            }
            Map<String, Object> vars = new HashMap<>(localsByScope.getOrDefault(cycle.getExecutionId(), Map.of()));
            vars.putAll(localsByScope.getOrDefault(cycle.getId(), Map.of()));
            List<HistoricActivityInstance> steps = all.stream()
                    .filter(a -> cycle.getId().equals(a.getParentActivityInstanceId())).toList();
            Instant published = latest(steps, "publishFinancials").map(a -> instant(a.getEndTime())).orElse(null);
            statements.add(new Statement(cycle.getId(), text(vars.get("statementPeriod")), fen(vars.get("incomeFen")),
                    fen(vars.get("expenseFen")), instant(cycle.getStartTime()), instant(cycle.getEndTime()),
                    task(steps, "bookStatement", null, null), task(steps, "chairConfirm", vars.get("chairApproved"), null),
                    task(steps, "supervisorConfirm", vars.get("supervisorApproved"), null), published,
                    review(steps, vars), task(steps, "rectify", null, text(vars.get("rectifyReport")))));
        }
        statements.sort(Comparator.comparing(Statement::startedAt).reversed());
        return statements;
    }

    private static Check review(List<HistoricActivityInstance> steps, Map<String, Object> vars) {
        Check task = task(steps, "communityReview", null, text(vars.get("reviewNote")));
        if (!"DONE".equals(task.state())) {
            return task;
        }
        return new Check("ANOMALY".equals(vars.get("reviewOutcome")) ? "ANOMALY" : "CLEAN", task.by(), task.at(),
                task.note());
    }

    /**
     * The latest instance of a step: WAITING (not reached), PENDING (open), or when done CONFIRMED / DISPUTED for a
     * confirmation ({@code approved} given) and DONE otherwise.
     */
    private static Check task(List<HistoricActivityInstance> steps, String activityId, Object approved, String note) {
        Optional<HistoricActivityInstance> last = latest(steps, activityId);
        if (last.isEmpty()) {
            return new Check("WAITING", null, null, null);
        }
        HistoricActivityInstance a = last.get();
        if (a.getEndTime() == null) {
            return new Check("PENDING", a.getAssignee(), null, null);
        }
        String state = approved instanceof Boolean b ? (b ? "CONFIRMED" : "DISPUTED") : "DONE";
        return new Check(state, a.getAssignee(), instant(a.getEndTime()), note);
    }

    private static Optional<HistoricActivityInstance> latest(List<HistoricActivityInstance> steps, String activityId) {
        return steps.stream().filter(a -> activityId.equals(a.getActivityId()))
                .max(Comparator.comparing(HistoricActivityInstance::getStartTime));
    }

    /** Every passed resolution of the estate with a budget: paid, remaining, and payments still being approved. */
    private List<Budget> budgets(String estateId) {
        List<Budget> budgets = new ArrayList<>();
        jdbc.query("select id, title, budget_fen, proc_inst_id from gf_hoa_matter where estate_id = ?"
                + " and budget_fen > 0 order by created_at desc, id", rs -> {
                    String matterId = rs.getString(1);
                    String title = rs.getString(2);
                    long budget = rs.getLong(3);
                    HistoricVariableInstance no = historyService.createHistoricVariableInstanceQuery()
                            .processInstanceId(rs.getString(4)).variableName("resolutionNo").singleResult();
                    if (no != null && no.getValue() instanceof String resolutionNo) {
                        long paid = fund.paid(resolutionNo);
                        budgets.add(new Budget(matterId, title, resolutionNo, budget, paid, budget - paid,
                                fund.of(matterId), pending(matterId)));
                    }
                }, estateId);
        return budgets;
    }

    private List<PendingPayment> pending(String matterId) {
        List<PendingPayment> pending = new ArrayList<>();
        for (HistoricProcessInstance p : historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey("hoa-fund-payment").processInstanceBusinessKey(matterId).unfinished().list()) {
            Map<String, Object> vars = new HashMap<>();
            historyService.createHistoricVariableInstanceQuery().processInstanceId(p.getId())
                    .variableNameIn("amountFen", "paymentPurpose").list()
                    .forEach(v -> vars.put(v.getName(), v.getValue()));
            List<String> steps = historyService.createHistoricActivityInstanceQuery().processInstanceId(p.getId())
                    .unfinished().list().stream().filter(a -> "userTask".equals(a.getActivityType()))
                    .map(HistoricActivityInstance::getActivityName).toList();
            Long amount = fen(vars.get("amountFen"));
            pending.add(new PendingPayment(p.getId(), amount == null ? 0 : amount, text(vars.get("paymentPurpose")),
                    steps, instant(p.getStartTime())));
        }
        return pending;
    }

    private static Long fen(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

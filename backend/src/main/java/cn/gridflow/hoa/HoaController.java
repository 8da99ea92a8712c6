package cn.gridflow.hoa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.history.HistoryTimeline;
import cn.gridflow.history.InstanceDiagram;
import cn.gridflow.security.CurrentUser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The owners'-committee decisions for the app: lists, a decision's record, ballots, publications, payments. */
@RestController
@RequestMapping("/api/hoa")
public class HoaController {

    /** Variables of a decision that its page shows (all primitives or dates). */
    private static final List<String> SHOWN = List.of("matterType", "voteTier", "assemblyMode", "budgetFen",
            "fundSource", "membersTotal", "membersPresent", "membersFor", "committeePassed", "partyDecision",
            "partyOpinion", "partyReturnCount", "voteRound", "voteOpenAt", "voteCloseAt", "extensionUsed",
            "totalOwnerCount", "participatingCount", "yesCount", "totalAreaCenti", "participatingAreaCenti",
            "yesAreaCenti", "quorumMet", "passed", "resolutionNo", "filingStatus", "paymentStatus",
            "implementationDone", "proposalText", "outcome");

    private final HoaAccess access;
    private final HoaMatters matters;
    private final HoaVoting voting;
    private final HoaPublications publications;
    private final HoaFilings filings;
    private final HoaFund fund;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final InstanceDiagram diagram;
    private final HistoryTimeline timeline;
    private final TaskService taskService;
    private final EngineSystemCalls system;
    private final JdbcTemplate jdbc;

    public HoaController(HoaAccess access, HoaMatters matters, HoaVoting voting, HoaPublications publications,
                         HoaFilings filings, HoaFund fund, RuntimeService runtimeService, HistoryService historyService,
                         InstanceDiagram diagram, HistoryTimeline timeline, TaskService taskService,
                         EngineSystemCalls system, JdbcTemplate jdbc) {
        this.access = access;
        this.matters = matters;
        this.voting = voting;
        this.publications = publications;
        this.filings = filings;
        this.fund = fund;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.diagram = diagram;
        this.timeline = timeline;
        this.taskService = taskService;
        this.system = system;
        this.jdbc = jdbc;
    }

    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    public record MatterSummary(String id, String title, String matterType, String estateId, String estateName,
                                String outcome, Instant createdAt, Instant closedAt, List<String> currentSteps) {
    }

    /** {@code process}: null for the decision's own steps, else the key of the process the step belongs to. */
    public record TimelineEntry(Instant time, String kind, String activityId, String activityName, String userId,
                                String userName, String process) {
    }

    public record OpenTask(String id, String name, String activityId, String assignee) {
    }

    public record MatterDetail(HoaMatters.Matter matter, Map<String, Object> variables, String diagramXml,
                               List<String> activeActivityIds, List<String> completedActivityIds,
                               List<TimelineEntry> timeline, List<OpenTask> myTasks, List<HoaVoting.Round> rounds,
                               List<HoaFilings.Filing> filings, List<HoaFund.Payment> payments,
                               List<HoaPublications.Publication> publications, boolean committee, boolean chair,
                               Integer openRound, Long remainingBudgetFen, String agencyId) {
    }

    public record BallotRequest(String unitId, String ownerId, String choice, Long areaCenti) {
    }

    public record ImportRequest(List<HoaVoting.BallotInput> ballots) {
    }

    public record Recorded(int recorded, int round) {
    }

    public record PaymentRequest(Long amountFen, String paymentPurpose) {
    }

    public record PaymentStarted(String processInstanceId, long remainingFen) {
    }

    @GetMapping("/estates")
    public List<HoaEstates.Estate> estates() {
        return access.visibleEstates(CurrentUser.get());
    }

    @GetMapping("/matters")
    public Page<MatterSummary> list(@RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        CurrentUser user = CurrentUser.get();
        int pageSize = Math.max(1, Math.min(size, 100));
        int pageNo = Math.max(0, page);
        List<String> estateIds = access.visibleEstates(user).stream().map(HoaEstates.Estate::id).toList();
        List<MatterSummary> items = system.call(() -> matters.page(estateIds, pageNo, pageSize).stream()
                .map(m -> new MatterSummary(m.id(), m.title(), m.matterType(), m.estateId(), m.estateName(),
                        m.outcome(), m.createdAt(), m.closedAt(), currentSteps(m.processInstanceId())))
                .toList());
        return new Page<>(items, matters.count(estateIds), pageNo, pageSize);
    }

    @GetMapping("/matters/{id}")
    public MatterDetail detail(@PathVariable String id) {
        CurrentUser user = CurrentUser.get();
        HoaMatters.Matter matter = visibleMatter(user, id);
        String pid = matter.processInstanceId();
        boolean committee = access.isCommittee(user, matter.estateId());
        List<OpenTask> mine = taskService.createTaskQuery().processInstanceId(pid).listPage(0, 50).stream()
                .map(t -> new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getAssignee())).toList();
        return system.call(() -> {
            HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceId(pid).singleResult();
            Map<String, Object> variables = new LinkedHashMap<>();
            historyService.createHistoricVariableInstanceQuery().processInstanceId(pid).variableNameIn(
                    SHOWN.toArray(String[]::new)).list().stream()
                    .filter(v -> pid.equals(v.getActivityInstanceId()))
                    .forEach(v -> variables.put(v.getName(), v.getValue()));
            InstanceDiagram.Diagram diagram = this.diagram.of(pid);
            List<TimelineEntry> timeline = new ArrayList<>(steps(pid, instance.getStartUserId(), null));
            // The payment process's own steps (approvals, payment) belong to the decision's record too: payments
            // of the call activity and those requested later all carry the matter id as business key.
            for (HistoricProcessInstance payment : historyService.createHistoricProcessInstanceQuery()
                    .processDefinitionKey("hoa-fund-payment").processInstanceBusinessKey(id).list()) {
                timeline.addAll(steps(payment.getId(), payment.getStartUserId(), "hoa-fund-payment"));
            }
            timeline.sort(Comparator.comparing(TimelineEntry::time));
            Long remaining = variables.get("resolutionNo") instanceof String no
                    && variables.get("budgetFen") instanceof Number budget ? fund.remaining(no, budget.longValue()) : null;
            return new MatterDetail(matter, variables, diagram.xml(), diagram.activeActivityIds(),
                    diagram.completedActivityIds(), timeline, mine, voting.rounds(id), filings.of(id), fund.of(id),
                    publications.forEstates(List.of(matter.estateId()), id, 0, 100), committee,
                    access.isChair(user, matter.estateId()), voting.openRound(id).orElse(null), remaining,
                    agencyOf(id));
        });
    }

    private String agencyOf(String matterId) {
        return jdbc.queryForList("select id from gf_hoa_agency where matter_id = ?", String.class, matterId).stream()
                .findFirst().orElse(null);
    }

    /**
     * One process instance's part of the decision's record: its start, tasks and end, and its named automatic steps
     * and events (counting, publishing, payment). Claims, assignments and comments stay off: the record is the
     * committee's account of what was decided and done.
     */
    private List<TimelineEntry> steps(String pid, String startUserId, String process) {
        return timeline.entries(pid, HistoryTimeline.Options.startedBy(startUserId).withSteps().withoutHandling())
                .stream().map(e -> new TimelineEntry(e.time().toInstant(), e.type(), e.activityId(),
                        e.activityName(), e.userId(), e.userName(), process))
                .toList();
    }

    @GetMapping("/matters/{id}/ballots")
    public List<HoaVoting.RecordedBallot> ballots(@PathVariable String id, @RequestParam int round) {
        CurrentUser user = CurrentUser.get();
        HoaMatters.Matter matter = visibleMatter(user, id);
        if (!access.isCommittee(user, matter.estateId()) && user.groups().stream().noneMatch(g ->
                HoaAccess.COMMUNITY_ROLES.contains(cn.gridflow.process.Groups.roleOf(g))) && !user.isAdmin()) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        return voting.ballots(id, round, matter.estateId());
    }

    /** One ballot: an owner casts their own; a committee member records a paper ballot for any owner. */
    @PostMapping("/matters/{id}/ballots")
    @ResponseStatus(HttpStatus.CREATED)
    public Recorded cast(@PathVariable String id, @RequestBody BallotRequest request) {
        CurrentUser user = CurrentUser.get();
        HoaMatters.Matter matter = visibleMatter(user, id);
        HoaVoting.BallotInput input;
        String channel;
        if (access.isCommittee(user, matter.estateId())) {
            input = new HoaVoting.BallotInput(request.unitId(), request.ownerId(), request.choice(), request.areaCenti());
            channel = "PAPER";
        } else {
            if (request.ownerId() != null && !request.ownerId().equals(user.id())) {
                throw ApiException.forbidden("hoa.ballot.for-others");
            }
            input = new HoaVoting.BallotInput(request.unitId(), user.id(), request.choice(), request.areaCenti());
            channel = "ONLINE";
        }
        int recorded = voting.cast(id, List.of(input), channel, user.id());
        return new Recorded(recorded, voting.openRound(id).orElse(0));
    }

    /** Paper ballots collected door to door, imported at once by the committee: all or nothing. */
    @PostMapping("/matters/{id}/ballots/import")
    @ResponseStatus(HttpStatus.CREATED)
    public Recorded importBallots(@PathVariable String id, @RequestBody ImportRequest request) {
        CurrentUser user = CurrentUser.get();
        HoaMatters.Matter matter = visibleMatter(user, id);
        if (!access.isCommittee(user, matter.estateId())) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        int recorded = voting.cast(id, request.ballots(), "IMPORT", user.id());
        return new Recorded(recorded, voting.openRound(id).orElse(0));
    }

    @GetMapping("/publications")
    public Page<HoaPublications.Publication> publications(@RequestParam(defaultValue = "0") int page,
                                                          @RequestParam(defaultValue = "20") int size,
                                                          @RequestParam(required = false) String matterId) {
        CurrentUser user = CurrentUser.get();
        int pageSize = Math.max(1, Math.min(size, 100));
        int pageNo = Math.max(0, page);
        List<String> estateIds = access.visibleEstates(user).stream().map(HoaEstates.Estate::id).toList();
        return new Page<>(publications.forEstates(estateIds, matterId, pageNo, pageSize),
                publications.count(estateIds, matterId), pageNo, pageSize);
    }

    /** A further payment under a passed resolution: refused above the remaining budget, else dual approval. */
    @PostMapping("/matters/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    public PaymentStarted requestPayment(@PathVariable String id, @RequestBody PaymentRequest request) {
        CurrentUser user = CurrentUser.get();
        HoaMatters.Matter matter = visibleMatter(user, id);
        if (!access.isChair(user, matter.estateId())) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        Map<String, Object> vars = system.call(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceId(matter.processInstanceId()).count() == 0 ? Map.<String, Object>of()
                : runtimeService.getVariables(matter.processInstanceId(), List.of("resolutionNo", "budgetFen")));
        if (!(vars.get("resolutionNo") instanceof String resolutionNo) || !(vars.get("budgetFen") instanceof Number budget)) {
            throw ApiException.conflict("hoa.payment.no-resolution");
        }
        if (request.amountFen() == null || request.amountFen() <= 0) {
            throw ApiException.badRequest("hoa.payment.amount-invalid");
        }
        long remaining = fund.remaining(resolutionNo, budget.longValue());
        if (request.amountFen() > remaining) {
            throw ApiException.badRequest("hoa.payment.over-budget", HoaPublications.yuan(request.amountFen()),
                    HoaPublications.yuan(remaining));
        }
        ProcessInstance payment = runtimeService.startProcessInstanceByKey("hoa-fund-payment", matter.id(),
                Variables.createVariables().putValue("matterId", matter.id()).putValue("resolutionNo", resolutionNo)
                        .putValue("budgetFen", budget.longValue()).putValue("amountFen", request.amountFen())
                        .putValue("propertyAreaId", matter.estateId()).putValue("communityId", matter.communityId())
                        .putValue("paymentPurpose", request.paymentPurpose()).putValue("title", matter.title()));
        return new PaymentStarted(payment.getId(), remaining);
    }

    private HoaMatters.Matter visibleMatter(CurrentUser user, String id) {
        HoaMatters.Matter matter = matters.byId(id).orElseThrow(() -> ApiException.notFound("NOT_FOUND"));
        access.requireVisible(user, matter.estateId());
        return matter;
    }

    private List<String> currentSteps(String processInstanceId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).unfinished()
                .list().stream().filter(a -> a.getActivityName() != null && !"subProcess".equals(a.getActivityType()))
                .map(HistoricActivityInstance::getActivityName).distinct().toList();
    }
}

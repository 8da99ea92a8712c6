package cn.gridflow.procurement;

import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.history.HistoryTimeline;
import cn.gridflow.history.InstanceDiagram;
import cn.gridflow.org.CommunityRepository;
import cn.gridflow.process.BusinessKeys;
import cn.gridflow.process.Groups;
import cn.gridflow.security.CurrentUser;
import cn.gridflow.security.UserNames;
import cn.gridflow.tasklist.TaskActions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 政府购买服务 for the app: the catalogue and its published versions, contracts with their evaluations and payments.
 * The user's steps (proposing, planning, the award, the draft, an evaluation) are checked here first, with messages
 * that name the problem, and then go through the processes; nothing is stored when a request is refused.
 */
@RestController
@RequestMapping("/api/procurement")
public class ProcurementController {

    /** Roles that see the catalogue and all contracts (a provider sees only its own contracts). */
    static final Set<String> READERS = Set.of("purchasing-dept", "finance-reviewer", "legal-reviewer",
            "governance-admin", "city-gov-approver", "third-party-evaluator", "manager", "community-staff");
    static final Set<String> ITEM_CLASSES = Set.of("PUBLIC_SERVICE", "AUXILIARY");
    static final Set<String> DELIVERY_MODES = Set.of("ENTRUST", "PURCHASE");
    static final Set<String> EVAL_CYCLES = Set.of("R/P1M", "R/P3M", "R/P6M");
    static final List<String> EVALUATION_TASKS = List.of("periodicEvaluation", "reEvaluation", "finalEvaluation",
            "thirdPartyEvaluation");
    static final int MAX_TERM_MONTHS = 36;
    static final int ONE_YEAR = 12;
    static final int MAX_PREPAY_PCT = 50;
    /** Engine queries must page (queryMaxResultsLimit); a contract has a handful of open steps at most. */
    static final int MAX_ROWS = 100;

    private final CatalogItems items;
    private final Contracts contracts;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final HistoryTimeline timeline;
    private final InstanceDiagram diagram;
    private final TaskActions actions;
    private final EngineSystemCalls system;
    private final BusinessKeys businessKeys;
    private final MessageSource messages;
    private final UserNames userNames;
    private final CommunityRepository communities;

    public ProcurementController(CatalogItems items, Contracts contracts, RuntimeService runtimeService,
                                 TaskService taskService, HistoryTimeline timeline,
                                 InstanceDiagram diagram, TaskActions actions, EngineSystemCalls system,
                                 BusinessKeys businessKeys, MessageSource messages, UserNames userNames,
                                 CommunityRepository communities) {
        this.communities = communities;
        this.items = items;
        this.contracts = contracts;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.timeline = timeline;
        this.diagram = diagram;
        this.actions = actions;
        this.system = system;
        this.businessKeys = businessKeys;
        this.messages = messages;
        this.userNames = userNames;
    }

    // ---- the public catalogue (art. 6: 向社会公布) -------------------------------------------------------------

    public record PublicCatalog(Integer version, Date publishedAt, List<CatalogItems.PublishedItem> items) {
    }

    /** Readable without login (SecurityConfig permits /api/procurement/public/**): the catalogue is published. */
    @GetMapping("/public/catalog")
    public PublicCatalog publicCatalog() {
        return items.latestPublication()
                .map(p -> new PublicCatalog(p.version(), p.publishedAt(), items.publishedItems(p.version())))
                .orElse(new PublicCatalog(null, null, List.of()));
    }

    // ---- catalogue ------------------------------------------------------------------------------------------

    public record ProposeItem(String itemName, String itemClass, String deliveryMode, String legalBasis,
                              String serviceNature, String deptId) {
    }

    public record ItemDetail(CatalogItems.Item item, List<CatalogItems.Review> reviews,
                             List<Contracts.Contract> contracts, List<OpenTask> tasks, List<TimelineEntry> timeline) {
    }

    @GetMapping("/catalog/items")
    public Page<CatalogItems.Item> catalogItems(@RequestParam(required = false) String status,
                                                @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "20") int size) {
        reader();
        return items.page(status, Math.max(0, page), Page.size(size));
    }

    @GetMapping("/catalog/items/{code}")
    public ItemDetail catalogItem(@PathVariable String code) {
        reader();
        CatalogItems.Item item = items.find(code).orElseThrow(() -> ApiException.notFound("NOT_FOUND"));
        String pi = item.processInstanceId();
        return new ItemDetail(item, items.reviews(code), contracts.page(null, code, 0, Page.MAX_SIZE).items(),
                pi == null ? List.of() : openTasks(pi), pi == null ? List.of() : timeline(pi));
    }

    @PostMapping("/catalog/items")
    @ResponseStatus(HttpStatus.CREATED)
    public CatalogItems.Item propose(@RequestBody ProposeItem request) {
        CurrentUser user = CurrentUser.get();
        String deptId = purchasingDept(user, request.deptId());
        Problems problems = new Problems(messages);
        if (Problems.blank(request.itemName())) {
            problems.add("itemName", "itemName.missing");
        } else if (request.itemName().strip().length() > 200) {
            problems.add("itemName", "itemName.tooLong", 200);
        }
        if (!ITEM_CLASSES.contains(request.itemClass())) {
            problems.add("itemClass", "itemClass.invalid");
        }
        if (!DELIVERY_MODES.contains(request.deliveryMode())) {
            problems.add("deliveryMode", "deliveryMode.invalid");
        }
        if (Problems.blank(request.legalBasis())) {
            problems.add("legalBasis", "legalBasis.missing");
        } else if (request.legalBasis().length() > 1000) {
            problems.add("legalBasis", "legalBasis.tooLong", 1000);
        }
        if (request.serviceNature() == null || !request.serviceNature().matches("[A-Z][A-Z_]{1,63}")) {
            problems.add("serviceNature", "serviceNature.invalid");
        }
        problems.throwIfAny();
        String code = businessKeys.next("GS");
        runtimeService.createProcessInstanceByKey("service-catalog-item").businessKey(code)
                .setVariables(Variables.createVariables().putValue("itemCode", code)
                        .putValue("itemName", request.itemName().strip()).putValue("class", request.itemClass())
                        .putValue("deliveryMode", request.deliveryMode())
                        .putValue("legalBasis", request.legalBasis().strip())
                        .putValue("serviceNature", request.serviceNature()).putValue("deptId", deptId)
                        .putValue("proposedBy", user.id()))
                .execute();
        return items.find(code).orElseThrow();
    }

    public record PublicationView(CatalogItems.Publication publication, List<CatalogItems.PublishedItem> items,
                                  Integer previousVersion, CatalogItems.Diff diff) {
    }

    @GetMapping("/catalog/publications")
    public Page<CatalogItems.Publication> publications(@RequestParam(defaultValue = "0") int page,
                                                      @RequestParam(defaultValue = "20") int size) {
        reader();
        return items.publications(Math.max(0, page), Page.size(size));
    }

    /** A published version with what changed since the one before it. */
    @GetMapping("/catalog/publications/{version}")
    public PublicationView publication(@PathVariable int version) {
        reader();
        CatalogItems.Publication publication = items.publication(version)
                .orElseThrow(() -> ApiException.notFound("NOT_FOUND"));
        List<CatalogItems.PublishedItem> now = items.publishedItems(version);
        Integer previous = version > 1 ? version - 1 : null;
        List<CatalogItems.PublishedItem> before = previous == null ? List.of() : items.publishedItems(previous);
        return new PublicationView(publication, now, previous, CatalogItems.diff(before, now));
    }

    // ---- contracts ------------------------------------------------------------------------------------------

    /** communityId: the community served; its community-staff give the feedback of each periodic evaluation. */
    public record NewContract(String itemCode, Long budgetFen, String deptId, String communityId) {
    }

    public record Award(String providerId, Long priceFen) {
    }

    public record Draft(String serviceItems, String qualityKpis, Integer termMonths, Boolean stableContinuous,
                        Long priceFen, String paymentMethod, Integer prepayPct, String evalCycle) {
    }

    /** The community's feedback is its own step (communityFeedback), not typed in here by the department. */
    public record EvaluationRequest(Integer evalScore, String evalNote) {
    }

    @GetMapping("/contracts")
    public Page<Contracts.Contract> contractList(@RequestParam(required = false) String status,
                                                 @RequestParam(required = false) String itemCode,
                                                 @RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "20") int size) {
        CurrentUser user = CurrentUser.get();
        if (!isReader(user)) {
            List<String> own = providerIds(user);
            if (own.isEmpty()) {
                throw ApiException.forbidden("FORBIDDEN");
            }
            // a provider sees its own contracts only
            return contracts.page(status, itemCode, own, Math.max(0, page), Page.size(size));
        }
        return contracts.page(status, itemCode, Math.max(0, page), Page.size(size));
    }

    @PostMapping("/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    public Contracts.Contract plan(@RequestBody NewContract request) {
        CurrentUser user = CurrentUser.get();
        String deptId = purchasingDept(user, request.deptId());
        Problems problems = new Problems(messages);
        if (Problems.blank(request.itemCode())) {
            problems.add("itemCode", "itemCode.missing");
        } else {
            CatalogItems.Item item = items.find(request.itemCode()).orElse(null);
            if (item == null || !"PUBLISHED".equals(item.status())) {
                problems.add("itemCode", "itemCode.notPublished", request.itemCode());
            }
        }
        if (request.budgetFen() == null) {
            problems.add("budgetFen", "budgetFen.missing");
        } else if (request.budgetFen() < 0) {
            problems.add("budgetFen", "budgetFen.negative", String.valueOf(request.budgetFen()));
        }
        String communityId = Problems.blank(request.communityId()) ? null : request.communityId().strip();
        if (communityId != null && !communities.existsById(communityId)) {
            problems.add("communityId", "communityId.unknown", communityId);
        }
        problems.throwIfAny();
        String contractId = businessKeys.next("HT");
        var variables = Variables.createVariables().putValue("contractId", contractId)
                .putValue("itemCode", request.itemCode()).putValue("deptId", deptId)
                .putValue("budgetFen", request.budgetFen());
        if (communityId != null) {
            variables.putValue("communityId", communityId);
        }
        runtimeService.createProcessInstanceByKey("service-contract").businessKey(contractId).setVariables(variables)
                .execute();
        return contracts.find(contractId).orElseThrow();
    }

    /** The procurement result (中标/成交) as the MSG_PROCUREMENT_AWARDED message; the department enters it. */
    @PostMapping("/contracts/{id}/award")
    public Contracts.Contract award(@PathVariable String id, @RequestBody Award request) {
        CurrentUser user = CurrentUser.get();
        Contracts.Contract contract = contract(id);
        requireDept(user, contract);
        Problems problems = new Problems(messages);
        if (request.providerId() == null || !request.providerId().matches("[A-Za-z0-9_-]{1,40}")) {
            problems.add("providerId", "providerId.invalid");
        }
        checkPrice(problems, request.priceFen());
        problems.throwIfAny();
        contracts.restrictedUntil(request.providerId())
                .filter(until -> until.after(ClockUtil.getCurrentTime()))
                .ifPresent(until -> {
                    throw ApiException.conflict("PROCUREMENT_PROVIDER_RESTRICTED", request.providerId(), until);
                });
        try {
            runtimeService.createMessageCorrelation("MSG_PROCUREMENT_AWARDED")
                    .processInstanceId(contract.processInstanceId())
                    .setVariable("providerId", request.providerId()).setVariable("priceFen", request.priceFen())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw ApiException.conflict("PROCUREMENT_NOT_AWAITING_AWARD", id);
        }
        return contract(id);
    }

    /** The draft with the five clauses of art. 7; refused here before the process's own term check sees it. */
    @PostMapping("/contracts/{id}/draft")
    public Contracts.Contract draft(@PathVariable String id, @RequestBody Draft request) {
        CurrentUser user = CurrentUser.get();
        Contracts.Contract contract = contract(id);
        Problems problems = new Problems(messages);
        if (Problems.blank(request.serviceItems())) {
            problems.add("serviceItems", "clause.serviceItems");
        }
        if (Problems.blank(request.qualityKpis())) {
            problems.add("qualityKpis", "clause.qualityKpis");
        }
        if (request.termMonths() == null) {
            problems.add("termMonths", "clause.termMonths");
        } else if (request.termMonths() < 1) {
            problems.add("termMonths", "termMonths.tooShort", request.termMonths());
        } else if (request.termMonths() > MAX_TERM_MONTHS) {
            problems.add("termMonths", "termMonths.tooLong", request.termMonths());
        } else if (request.termMonths() > ONE_YEAR && !Boolean.TRUE.equals(request.stableContinuous())) {
            problems.add("termMonths", "termMonths.notStable", request.termMonths());
        }
        if (request.priceFen() == null) {
            problems.add("priceFen", "clause.priceFen");
        } else {
            checkPrice(problems, request.priceFen());
        }
        if (Problems.blank(request.paymentMethod())) {
            problems.add("paymentMethod", "clause.paymentMethod");
        }
        if (request.prepayPct() == null || request.prepayPct() < 0 || request.prepayPct() > MAX_PREPAY_PCT) {
            problems.add("prepayPct", "prepayPct.range", MAX_PREPAY_PCT);
        }
        if (!EVAL_CYCLES.contains(request.evalCycle())) {
            problems.add("evalCycle", "evalCycle.invalid");
        }
        problems.throwIfAny();
        Task task = openTask(contract, List.of("draftContract"));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("serviceItems", request.serviceItems().strip());
        variables.put("qualityKpis", request.qualityKpis().strip());
        variables.put("termMonths", request.termMonths());
        variables.put("stableContinuous", Boolean.TRUE.equals(request.stableContinuous()));
        variables.put("priceFen", request.priceFen());
        variables.put("paymentMethod", request.paymentMethod().strip());
        variables.put("prepayPct", request.prepayPct());
        variables.put("evalCycle", request.evalCycle());
        actions.complete(user, task.getId(), variables);
        return contract(id);
    }

    /** Enters the score of whichever evaluation of this contract is open for the user (periodic, re-, final, third-party). */
    @PostMapping("/contracts/{id}/evaluations")
    public ContractView evaluate(@PathVariable String id, @RequestBody EvaluationRequest request) {
        CurrentUser user = CurrentUser.get();
        Contracts.Contract contract = contract(id);
        Problems problems = new Problems(messages);
        if (request.evalScore() == null) {
            problems.add("evalScore", "evalScore.missing");
        } else if (request.evalScore() < 0 || request.evalScore() > 100) {
            problems.add("evalScore", "evalScore.range", String.valueOf(request.evalScore()));
        }
        problems.throwIfAny();
        Task task = openTask(contract, EVALUATION_TASKS);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("evalScore", request.evalScore());
        variables.put("evalNote", request.evalNote());
        actions.complete(user, task.getId(), variables);
        return contractView(id);
    }

    // ---- the contract page ----------------------------------------------------------------------------------

    public record Totals(long priceFen, long paidFen, long withheldFen, long recoveredFen) {
    }

    public record OpenTask(String id, String name, String taskDefinitionKey, Date created, Date due, boolean mine) {
    }

    public record TimelineEntry(Date time, String activityId, String activityName, String activityType,
                                String userId, String userName, boolean finished) {
    }

    public record ContractView(Contracts.Contract contract, String itemName, Date providerRestrictedUntil,
                               List<Contracts.Evaluation> evaluations, List<Contracts.Payment> payments, Totals totals,
                               List<OpenTask> tasks, List<TimelineEntry> timeline) {
    }

    @GetMapping("/contracts/{id}")
    public ContractView contractView(@PathVariable String id) {
        CurrentUser user = CurrentUser.get();
        Contracts.Contract contract = contract(id);
        requireSees(user, contract);
        List<Contracts.Payment> payments = contracts.payments(id);
        String pi = contract.processInstanceId();
        List<OpenTask> tasks = openTasks(pi);
        String itemName = items.find(contract.itemCode()).map(CatalogItems.Item::itemName).orElse(null);
        return new ContractView(contract, itemName,
                contract.providerId() == null ? null : contracts.restrictedUntil(contract.providerId()).orElse(null),
                contracts.evaluations(id), payments, totals(contract, payments), tasks, timeline(pi));
    }

    private static Totals totals(Contracts.Contract contract, List<Contracts.Payment> payments) {
        long paid = 0;
        long withheld = 0;
        long recovered = 0;
        for (Contracts.Payment p : payments) {
            if ("RECOVERY".equals(p.kind())) {
                recovered += p.amountFen();
            } else {
                paid += p.amountFen();
                withheld += p.baseFen() - p.amountFen();
            }
        }
        return new Totals(contract.priceFen() == null ? 0 : contract.priceFen(), paid, withheld, recovered);
    }

    // ---- the provider's own contracts (承接主体) ----------------------------------------------------------------

    /** The steps a provider answers for: signing, rectification (due at rectifyDueAt), an improvement plan. */
    static final Set<String> PROVIDER_TASKS = Set.of("signByProvider", "rectify", "improvementPlan");

    public record ProviderContract(Contracts.Contract contract, String itemName, List<Contracts.Evaluation> evaluations,
                                   Totals totals, List<OpenTask> tasks) {
    }

    /** A provider's page: only the contracts awarded to the providers the user acts for (service-provider:X). */
    @GetMapping("/provider/contracts")
    public Page<ProviderContract> providerContracts(@RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "20") int size) {
        List<String> own = providerIds(CurrentUser.get());
        if (own.isEmpty()) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        Page<Contracts.Contract> contractsPage = contracts.page(null, null, own, Math.max(0, page), Page.size(size));
        List<ProviderContract> rows = contractsPage.items().stream().map(c -> new ProviderContract(c,
                items.find(c.itemCode()).map(CatalogItems.Item::itemName).orElse(null), contracts.evaluations(c.contractId()),
                totals(c, contracts.payments(c.contractId())), openTasks(c.processInstanceId()).stream()
                        .filter(t -> PROVIDER_TASKS.contains(t.taskDefinitionKey())).toList())).toList();
        return new Page<>(rows, contractsPage.total(), contractsPage.page(), contractsPage.size());
    }

    private static List<String> providerIds(CurrentUser user) {
        return user.groups().stream().filter(g -> g.startsWith("service-provider:")).map(Groups::scopeOf).toList();
    }

    @GetMapping("/contracts/{id}/diagram")
    public InstanceDiagram.Diagram contractDiagram(@PathVariable String id) {
        CurrentUser user = CurrentUser.get();
        Contracts.Contract contract = contract(id);
        requireSees(user, contract);
        return diagram(contract.processInstanceId());
    }

    @GetMapping("/catalog/items/{code}/diagram")
    public InstanceDiagram.Diagram itemDiagram(@PathVariable String code) {
        reader();
        CatalogItems.Item item = items.find(code).orElseThrow(() -> ApiException.notFound("NOT_FOUND"));
        return diagram(item.processInstanceId());
    }

    /** The open steps of an instance; which are the user's is what the engine's task permissions say. */
    private List<OpenTask> openTasks(String processInstanceId) {
        Set<String> mine = new HashSet<>();
        taskService.createTaskQuery().processInstanceId(processInstanceId).listPage(0, MAX_ROWS)
                .forEach(t -> mine.add(t.getId()));
        return system.call(() -> taskService.createTaskQuery().processInstanceId(processInstanceId)
                .orderByTaskCreateTime().asc().listPage(0, MAX_ROWS)).stream()
                .map(t -> new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getCreateTime(),
                        t.getDueDate(), mine.contains(t.getId())))
                .toList();
    }

    /** Visibility is settled by the caller's role; the model and the instance's path are read as the system. */
    private InstanceDiagram.Diagram diagram(String processInstanceId) {
        return system.call(() -> diagram.of(processInstanceId));
    }

    /**
     * The instance's named steps, each at the moment it finished (or, still open, began), the holder named: what a
     * buyer or provider follows on the item's or contract's page.
     */
    private List<TimelineEntry> timeline(String processInstanceId) {
        List<HistoryTimeline.Step> steps = system.call(() -> timeline.namedSteps(processInstanceId));
        // UserNames skips a step without holder; getOrDefault gives such a step no name
        Map<String, String> names = userNames.of(steps.stream().map(HistoryTimeline.Step::assignee).toList());
        return steps.stream()
                .map(s -> new TimelineEntry(s.end() != null ? s.end() : s.start(), s.activityId(), s.name(), s.type(),
                        s.assignee(), names.getOrDefault(s.assignee(), s.assignee()),
                        s.end() != null))
                .sorted(Comparator.comparing(TimelineEntry::time))
                .toList();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private Contracts.Contract contract(String id) {
        return contracts.find(id).orElseThrow(() -> ApiException.notFound("NOT_FOUND"));
    }

    /** The user's open task of one of these kinds on the contract; the engine's task permissions decide. */
    private Task openTask(Contracts.Contract contract, List<String> keys) {
        List<Task> open = taskService.createTaskQuery().processInstanceId(contract.processInstanceId())
                .taskDefinitionKeyIn(keys.toArray(String[]::new)).orderByTaskCreateTime().asc().listPage(0, MAX_ROWS);
        if (open.isEmpty()) {
            throw ApiException.conflict("PROCUREMENT_NO_TASK", contract.contractId());
        }
        return open.get(0);
    }

    private void checkPrice(Problems problems, Long priceFen) {
        if (priceFen == null) {
            problems.add("priceFen", "clause.priceFen");
        } else if (priceFen <= 0) {
            problems.add("priceFen", "priceFen.notPositive", String.valueOf(priceFen));
        }
    }

    private static boolean isReader(CurrentUser user) {
        return user.isAdmin() || READERS.stream().anyMatch(user::hasRole);
    }

    /** Procurement roles see every contract; a provider only those awarded to it. */
    private static void requireSees(CurrentUser user, Contracts.Contract contract) {
        if (!isReader(user) && (contract.providerId() == null
                || !user.groups().contains(Groups.scopedId("service-provider", contract.providerId())))) {
            throw ApiException.forbidden("FORBIDDEN");
        }
    }

    private static void reader() {
        if (!isReader(CurrentUser.get())) {
            throw ApiException.forbidden("FORBIDDEN");
        }
    }

    /** The buying department the user acts for: one of their purchasing-dept:X groups. */
    private static String purchasingDept(CurrentUser user, String requested) {
        List<String> depts = user.groups().stream().filter(g -> g.startsWith("purchasing-dept:"))
                .map(Groups::scopeOf).toList();
        if (requested != null && !requested.isBlank()) {
            if (!depts.contains(requested)) {
                throw ApiException.forbidden("PROCUREMENT_NOT_BUYER");
            }
            return requested;
        }
        if (depts.isEmpty()) {
            throw ApiException.forbidden("PROCUREMENT_NOT_BUYER");
        }
        return depts.get(0);
    }

    private static void requireDept(CurrentUser user, Contracts.Contract contract) {
        if (!user.isAdmin() && !user.groups().contains(Groups.scopedId("purchasing-dept", contract.deptId()))) {
            throw ApiException.forbidden("PROCUREMENT_NOT_BUYER");
        }
    }
}

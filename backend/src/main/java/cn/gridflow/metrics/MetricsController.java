package cn.gridflow.metrics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.history.InstanceDiagram;
import cn.gridflow.security.CurrentUser;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The managers' dashboards: every figure within the caller's scope (see {@link MetricsScope}). */
@RestController
@RequestMapping("/api/metrics")
public class MetricsController {

    private final OverviewQuery overview;
    private final AssessmentQuery assessment;
    private final ProcessQuery processes;
    private final WorkloadQuery workload;
    private final RepositoryService repositoryService;
    private final InstanceDiagram diagrams;
    private final EngineSystemCalls system;
    private final MessageSource messages;

    public MetricsController(OverviewQuery overview, AssessmentQuery assessment, ProcessQuery processes,
                             WorkloadQuery workload, RepositoryService repositoryService, InstanceDiagram diagrams,
                             EngineSystemCalls system, MessageSource messages) {
        this.overview = overview;
        this.assessment = assessment;
        this.processes = processes;
        this.workload = workload;
        this.repositoryService = repositoryService;
        this.diagrams = diagrams;
        this.system = system;
        this.messages = messages;
    }

    /** The filter parameters every event figure takes. */
    public record FilterParams(String from, String to, String communityId, String gridId, String departmentId,
                               String category, String source, String mode) {
    }

    @GetMapping("/overview")
    public OverviewQuery.Overview overview(@ModelAttribute FilterParams params) {
        MetricsScope scope = scope();
        return overview.overview(scope, filter(scope, params), now());
    }

    @GetMapping("/trend")
    public List<OverviewQuery.TrendPoint> trend(@ModelAttribute FilterParams params,
                                                @RequestParam(defaultValue = "day") String period) {
        MetricsScope scope = scope();
        return overview.trend(scope, filter(scope, params), period, now());
    }

    @GetMapping("/events")
    public OverviewQuery.Page<OverviewQuery.EventRow> events(@ModelAttribute FilterParams params,
                                                             @RequestParam(defaultValue = "total") String figure,
                                                             @RequestParam(defaultValue = "0") int page,
                                                             @RequestParam(defaultValue = "20") int size) {
        MetricsScope scope = scope();
        return overview.events(scope, filter(scope, params), figure, now(), page, size);
    }

    @GetMapping("/assessment")
    public List<AssessmentQuery.Row> assessment(@ModelAttribute FilterParams params,
                                                @RequestParam(defaultValue = "department") String by) {
        MetricsScope scope = scope();
        return assessment.rows(scope, filter(scope, params), by, now());
    }

    /** The assessment as a CSV file Excel opens with Chinese intact (UTF-8 with a byte-order mark). */
    @GetMapping("/assessment.csv")
    public ResponseEntity<byte[]> assessmentCsv(@ModelAttribute FilterParams params,
                                                @RequestParam(defaultValue = "department") String by,
                                                @RequestParam(required = false) String lang) {
        MetricsScope scope = scope();
        MetricsFilter filter = filter(scope, params);
        List<AssessmentQuery.Row> rows = assessment.rows(scope, filter, by, now());
        Locale locale = lang == null ? LocaleContextHolder.getLocale() : Locale.forLanguageTag(lang);
        byte[] body = AssessmentCsv.write(rows, by, key -> messages.getMessage(key, null, locale));
        String file = "assessment-" + by + "-" + filter.from() + "-" + filter.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(body);
    }

    public record Heatmap(String processKey, String definitionId, String name, String xml,
                          List<ProcessQuery.ActivityStats> activities) {
    }

    @GetMapping("/heatmap")
    public Heatmap heatmap(@RequestParam String processKey, @RequestParam(required = false) String since) {
        MetricsScope scope = scope();
        Date sinceDate = null;
        if (since != null && !since.isBlank()) {
            MetricsFilter range = MetricsFilter.parse(since, null, null, null, null, null, null, null, today());
            sinceDate = Date.from(range.from().atStartOfDay(ZoneId.systemDefault()).toInstant());
        }
        ProcessDefinition definition = system.call(() -> repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult());
        if (definition == null) {
            throw ApiException.notFound("METRICS_PROCESS_NOT_FOUND", processKey);
        }
        String xml = system.call(() -> diagrams.model(definition.getId()));
        return new Heatmap(processKey, definition.getId(), definition.getName(), xml,
                processes.heatmap(scope, processKey, sinceDate));
    }

    @GetMapping("/heatmap/waiting")
    public OverviewQuery.Page<ProcessQuery.WaitingInstance> waiting(@RequestParam String processKey,
                                                                    @RequestParam String activityId,
                                                                    @RequestParam(defaultValue = "0") int page,
                                                                    @RequestParam(defaultValue = "20") int size) {
        return processes.waiting(scope(), processKey, activityId, page, size);
    }

    @GetMapping("/workload")
    public WorkloadQuery.Workload workload() {
        return workload.workload(scope(), now());
    }

    @GetMapping("/processes")
    public List<ProcessQuery.ProcessSummary> processes() {
        return processes.processes(scope());
    }

    @GetMapping("/processes/{key}/stages")
    public ProcessQuery.ProcessStages stages(@PathVariable String key) {
        return processes.stages(scope(), key);
    }

    private static MetricsScope scope() {
        return MetricsScope.of(CurrentUser.get());
    }

    private static MetricsFilter filter(MetricsScope scope, FilterParams p) {
        MetricsFilter filter = MetricsFilter.parse(p.from(), p.to(), p.communityId(), p.gridId(), p.departmentId(),
                p.category(), p.source(), p.mode(), today());
        scope.check(filter.communityId(), filter.departmentId());
        return filter;
    }

    private static Date now() {
        return ClockUtil.getCurrentTime();
    }

    private static LocalDate today() {
        return now().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
}

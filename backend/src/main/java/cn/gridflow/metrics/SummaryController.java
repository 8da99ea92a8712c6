package cn.gridflow.metrics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import cn.gridflow.security.CurrentUser;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owners'-committee, procurement and promotion summaries of the dashboards, each count with the list it counts.
 * They show the state now (stages, latest grades), so the dashboard's time range does not apply; the community or
 * department filter and the caller's scope do.
 */
@RestController
@RequestMapping("/api/metrics")
public class SummaryController {

    private final HoaSummaryQuery hoa;
    private final ProcurementSummaryQuery procurement;
    private final PromotionSummaryQuery promotion;

    public SummaryController(HoaSummaryQuery hoa, ProcurementSummaryQuery procurement,
                             PromotionSummaryQuery promotion) {
        this.hoa = hoa;
        this.procurement = procurement;
        this.promotion = promotion;
    }

    @GetMapping("/hoa")
    public HoaSummaryQuery.Summary hoa(@RequestParam(required = false) String communityId) {
        MetricsScope scope = scope();
        return hoa.summary(scope, checked(scope, communityId, null).communityId());
    }

    @GetMapping("/hoa/matters")
    public OverviewQuery.Page<HoaSummaryQuery.MatterRow> hoaMatters(
            @RequestParam(required = false) String communityId, @RequestParam(required = false) String stage,
            @RequestParam(defaultValue = "total") String figure, @RequestParam(required = false) String outcome,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        MetricsScope scope = scope();
        return hoa.matters(scope, checked(scope, communityId, null).communityId(), blank(stage), figure,
                blank(outcome), page, size);
    }

    @GetMapping("/procurement")
    public ProcurementSummaryQuery.Summary procurement(@RequestParam(required = false) String departmentId) {
        MetricsScope scope = scope();
        return procurement.summary(scope, checked(scope, null, departmentId).departmentId());
    }

    @GetMapping("/procurement/contracts")
    public OverviewQuery.Page<ProcurementSummaryQuery.ContractRow> contracts(
            @RequestParam(required = false) String departmentId, @RequestParam(defaultValue = "total") String figure,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        MetricsScope scope = scope();
        return procurement.contracts(scope, checked(scope, null, departmentId).departmentId(), figure, page, size);
    }

    @GetMapping("/promotion")
    public List<PromotionSummaryQuery.RoundRow> promotion(@RequestParam(required = false) String communityId) {
        MetricsScope scope = scope();
        return promotion.rounds(scope, checked(scope, communityId, null).communityId());
    }

    @GetMapping("/promotion/applications")
    public OverviewQuery.Page<PromotionSummaryQuery.ApplicationRow> applications(
            @RequestParam String roundKey, @RequestParam(required = false) String communityId,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        MetricsScope scope = scope();
        return promotion.applications(scope, checked(scope, communityId, null).communityId(), roundKey,
                blank(status), page, size);
    }

    private static MetricsScope scope() {
        return MetricsScope.of(CurrentUser.get());
    }

    /** The community/department filter, refused (403) outside the caller's scope as on every dashboard figure. */
    private static MetricsFilter checked(MetricsScope scope, String communityId, String departmentId) {
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        MetricsFilter filter = MetricsFilter.parse(null, null, communityId, null, departmentId, null, null, null,
                today);
        scope.check(filter.communityId(), filter.departmentId());
        return filter;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

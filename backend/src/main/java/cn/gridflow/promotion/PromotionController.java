package cn.gridflow.promotion;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.process.promotion.RoundSetup;
import cn.gridflow.security.CurrentUser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The promotion round board, applications, and HR records (domain-spec §4). */
@RestController
@RequestMapping("/api/promotion")
public class PromotionController {

    /** Who may see a round board; applicants see their own applications only. */
    static final List<String> BOARD_ROLES = List.of("hr-admin", "assessment-panel", "discipline-check",
            "promotion-committee", "community-head");

    public record OpenRound(Integer year, String postPool, Integer cswVacancies, Integer institutionPostsPlanned) {
    }

    public record Objection(String text) {
    }

    public record HrRecordInput(String communityId, String gridId, String employmentType, BigDecimal serviceYears,
                                LocalDate birthDate, Integer educationRank, LocalDate disciplinaryUntil,
                                BigDecimal performanceScore, BigDecimal commendationBonus,
                                List<HrRecords.Assessment> assessments, Long version) {
    }

    private final PromotionRounds rounds;
    private final HrRecords hr;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final EngineSystemCalls system;
    private final RoundProcessView processView;
    private final WorkerPerformance performance;
    private final RoundArchive archive;

    public PromotionController(PromotionRounds rounds, HrRecords hr, JdbcTemplate jdbc, RuntimeService runtime,
                               ObjectMapper json, EngineSystemCalls system, RoundProcessView processView,
                               WorkerPerformance performance, RoundArchive archive) {
        this.archive = archive;
        this.performance = performance;
        this.system = system;
        this.processView = processView;
        this.rounds = rounds;
        this.hr = hr;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.json = json;
    }

    private static CurrentUser requireRole(String... roles) {
        CurrentUser user = CurrentUser.get();
        for (String role : roles) {
            if (user.hasRole(role)) {
                return user;
            }
        }
        if (user.isAdmin()) {
            return user;
        }
        throw ApiException.forbidden("FORBIDDEN");
    }

    @PostMapping("/rounds")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> open(@RequestBody OpenRound body) {
        CurrentUser user = requireRole("hr-admin");
        if (body.year() == null || body.postPool() == null) {
            throw ApiException.badRequest("PROMOTION_ROUND_INCOMPLETE");
        }
        return Map.of("roundKey", rounds.open(body.year(), body.postPool(), body.cswVacancies(),
                body.institutionPostsPlanned(), user.id()));
    }

    @GetMapping("/rounds")
    public Map<String, Object> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        requireRole("hr-admin", "assessment-panel", "discipline-check", "promotion-committee", "community-head",
                "grid-staff");
        if (page < 0 || size < 1 || size > 200) {
            throw ApiException.badRequest("PAGE_INVALID");
        }
        long total = jdbc.queryForObject("select count(*) from gf_promotion_round", Long.class);
        List<Map<String, Object>> items = new ArrayList<>();
        jdbc.query("select round_key, round_year, post_pool, proc_inst_id, opened_at, archived_at from gf_promotion_round"
                + " order by round_year desc, round_key limit ? offset ?", rs -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("roundKey", rs.getString(1));
                    item.put("year", rs.getInt(2));
                    item.put("postPool", rs.getString(3));
                    item.put("processInstanceId", rs.getString(4));
                    item.put("openedAt", rs.getTimestamp(5).toInstant().toString());
                    item.put("archived", rs.getTimestamp(6) != null);
                    item.putAll(stage(rs.getString(4)));
                    items.add(item);
                }, size, page * size);
        return Map.of("items", items, "total", total, "page", page, "size", size);
    }

    @GetMapping("/rounds/{roundKey}")
    public Map<String, Object> board(@PathVariable String roundKey) {
        requireRole(BOARD_ROLES.toArray(String[]::new));
        String instanceId = rounds.instanceOf(roundKey);
        Map<String, Object> board = new LinkedHashMap<>();
        board.put("roundKey", roundKey);
        board.put("processInstanceId", instanceId);
        board.put("archived", archive.isArchived(roundKey));
        board.putAll(stage(instanceId));
        board.put("applications", applications("round_key = ?", roundKey));
        return board;
    }

    /** The round's diagram and timeline, or one candidate's; a candidate may look at their own. */
    @GetMapping("/rounds/{roundKey}/process")
    public RoundProcessView.View process(@PathVariable String roundKey,
                                         @RequestParam(required = false) String applicantId) {
        CurrentUser user = CurrentUser.get();
        boolean board = user.isAdmin() || BOARD_ROLES.stream().anyMatch(user::hasRole);
        if (applicantId == null) {
            requireRole(BOARD_ROLES.toArray(String[]::new));
            return processView.ofRound(rounds.instanceOf(roundKey));
        }
        if (!board && !applicantId.equals(user.id())) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        return processView.ofCandidate(roundKey, applicantId);
    }

    @PostMapping("/rounds/{roundKey}/applications")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> apply(@PathVariable String roundKey) {
        CurrentUser user = requireRole("grid-staff");
        rounds.apply(roundKey, user.id());
        return Map.of("roundKey", roundKey, "applicantId", user.id(), "status", "APPLIED");
    }

    @GetMapping("/my-applications")
    public List<Map<String, Object>> mine() {
        return applications("applicant_id = ?", CurrentUser.get().id());
    }

    /** The round's published results (art. 22 makes them public: every signed-in user may read them). */
    @GetMapping("/rounds/{roundKey}/publication")
    public RoundArchive.Publication publication(@PathVariable String roundKey) {
        rounds.instanceOf(roundKey);
        return archive.publication(roundKey)
                .orElseThrow(() -> ApiException.notFound("PROMOTION_NOT_PUBLISHED", roundKey));
    }

    /** The personnel-file records of the round: HR only. */
    @GetMapping("/rounds/{roundKey}/personnel-records")
    public List<RoundArchive.PersonnelRecord> personnelRecords(@PathVariable String roundKey) {
        CurrentUser user = CurrentUser.get();
        if (!user.isAdmin() && !user.hasRole("hr-admin")) {
            throw ApiException.forbidden("PROMOTION_PERSONNEL_RECORD_FORBIDDEN");
        }
        rounds.instanceOf(roundKey);
        return archive.records(roundKey, null);
    }

    /** The caller's own personnel-file records, one per archived round they applied to. */
    @GetMapping("/my-personnel-records")
    public List<RoundArchive.PersonnelRecord> myPersonnelRecords() {
        return archive.records(null, CurrentUser.get().id());
    }

    /** One candidate's record: HR, or the candidate themself; anyone else is refused. */
    @GetMapping("/rounds/{roundKey}/personnel-records/{applicantId}")
    public RoundArchive.PersonnelRecord personnelRecord(@PathVariable String roundKey, @PathVariable String applicantId) {
        CurrentUser user = CurrentUser.get();
        if (!user.isAdmin() && !user.hasRole("hr-admin") && !applicantId.equals(user.id())) {
            throw ApiException.forbidden("PROMOTION_PERSONNEL_RECORD_FORBIDDEN");
        }
        return archive.records(roundKey, applicantId).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("PROMOTION_NOT_PUBLISHED", roundKey));
    }

    @PostMapping("/rounds/{roundKey}/close-applications")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void closeApplications(@PathVariable String roundKey) {
        requireRole("hr-admin");
        rounds.closeApplications(roundKey);
    }

    @PostMapping("/rounds/{roundKey}/applications/{applicantId}/objections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void objection(@PathVariable String roundKey, @PathVariable String applicantId, @RequestBody Objection body) {
        CurrentUser user = requireRole("hr-admin");
        rounds.objection(roundKey, applicantId, body.text(), user.id());
    }

    @PostMapping("/rounds/{roundKey}/applications/{applicantId}/reported")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void reported(@PathVariable String roundKey, @PathVariable String applicantId) {
        requireRole("hr-admin");
        rounds.reported(roundKey, applicantId);
    }

    @PostMapping("/commendations/{processInstanceId}/objections")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void commendationObjection(@PathVariable String processInstanceId, @RequestBody Objection body) {
        requireRole("governance-admin");
        rounds.commendationObjection(processInstanceId, body.text());
    }

    /**
     * HR records with, per worker, the performance score a round would use for {@code assessmentYear} (default: last
     * year, what this year's round reads) and whether it came from the grid-incident archive or the HR record.
     */
    @GetMapping("/hr-records")
    public Map<String, Object> hrRecords(@RequestParam(defaultValue = "0") int page,
                                         @RequestParam(defaultValue = "20") int size,
                                         @RequestParam(required = false) Integer assessmentYear) {
        requireRole("hr-admin");
        if (page < 0 || size < 1 || size > 200) {
            throw ApiException.badRequest("PAGE_INVALID");
        }
        int year = assessmentYear != null ? assessmentYear
                : WorkerPerformance.assessmentYearOf(LocalDate.now(RoundSetup.ZONE).getYear());
        if (year < 2000 || year > 2100) {
            throw ApiException.badRequest("PROMOTION_YEAR_INVALID", year);
        }
        List<Map<String, Object>> items = hr.page(page, size).stream().map(r -> {
            Map<String, Object> item = json.convertValue(r, new TypeReference<LinkedHashMap<String, Object>>() { });
            item.put("performance", performance.of(r.userId(), year, r.performanceScore()));
            return item;
        }).toList();
        return Map.of("items", items, "total", hr.count(), "page", page, "size", size, "assessmentYear", year);
    }

    @PutMapping("/hr-records/{userId}")
    public HrRecords.HrRecord saveHrRecord(@PathVariable String userId, @RequestBody HrRecordInput in) {
        requireRole("hr-admin");
        validate(in);
        HrRecords.HrRecord record = new HrRecords.HrRecord(userId, in.communityId(), in.gridId(), in.employmentType(),
                in.serviceYears(), in.birthDate(), in.educationRank(), in.disciplinaryUntil(), in.performanceScore(),
                in.commendationBonus() == null ? BigDecimal.ZERO : in.commendationBonus(),
                in.assessments() == null ? List.of() : in.assessments(), 0);
        if (!hr.save(record, in.version())) {
            throw ApiException.conflict("PROMOTION_HR_RECORD_CHANGED", userId);
        }
        return hr.find(userId).orElseThrow();
    }

    private static void validate(HrRecordInput in) {
        if (in.communityId() == null || in.communityId().isBlank() || in.birthDate() == null
                || !HrRecords.EMPLOYMENT_TYPES.contains(in.employmentType())) {
            throw ApiException.badRequest("PROMOTION_HR_RECORD_INCOMPLETE");
        }
        if (in.serviceYears() == null || in.serviceYears().signum() < 0 || in.serviceYears().doubleValue() > 60) {
            throw ApiException.badRequest("PROMOTION_HR_SERVICE_YEARS", String.valueOf(in.serviceYears()));
        }
        if (in.educationRank() == null || in.educationRank() < 1 || in.educationRank() > 5) {
            throw ApiException.badRequest("PROMOTION_HR_EDUCATION", String.valueOf(in.educationRank()));
        }
        if (in.performanceScore() == null || in.performanceScore().signum() < 0
                || in.performanceScore().doubleValue() > 100) {
            throw ApiException.badRequest("PROMOTION_SCORE_RANGE", String.valueOf(in.performanceScore()));
        }
        if (in.assessments() != null && in.assessments().stream().anyMatch(a -> !HrRecords.GRADES.contains(a.grade()))) {
            throw ApiException.badRequest("PROMOTION_HR_GRADE");
        }
    }

    /** Where the round stands: its current activities and the figures HR looks at. */
    private Map<String, Object> stage(String instanceId) {
        // the caller's role was checked by the endpoint; the round's instance is read on the app's behalf
        return system.call(() -> readStage(instanceId));
    }

    private Map<String, Object> readStage(String instanceId) {
        Map<String, Object> stage = new LinkedHashMap<>();
        if (instanceId == null || runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() == 0) {
            stage.put("activities", List.of());
            return stage;
        }
        stage.put("activities", runtime.getActiveActivityIds(instanceId));
        Map<String, Object> vars = runtime.getVariables(instanceId, List.of("annualQuota", "quotaBasis",
                "applicationClosesAt", "waitlistExpiresAt", "waitlist", "ranking"));
        vars.forEach((k, v) -> stage.put(k, v instanceof java.util.Date d ? d.toInstant().toString() : v));
        return stage;
    }

    private List<Map<String, Object>> applications(String where, String arg) {
        return jdbc.query("select round_key, applicant_id, community_id, status, rank_no, total_score, violations,"
                + " facts_json, applied_at, updated_at from gf_promotion_application where " + where
                + " order by case when rank_no is null then 1 else 0 end, rank_no, applied_at", (rs, i) -> {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("roundKey", rs.getString(1));
                    a.put("applicantId", rs.getString(2));
                    a.put("communityId", rs.getString(3));
                    a.put("status", rs.getString(4));
                    a.put("rank", rs.getObject(5));
                    a.put("totalScore", rs.getBigDecimal(6));
                    String violations = rs.getString(7);
                    a.put("eligibilityViolations", violations == null || violations.isBlank() ? List.of()
                            : List.of(violations.split(",")));
                    a.put("facts", read(rs.getString(8)));
                    a.put("appliedAt", ts(rs.getTimestamp(9)));
                    a.put("updatedAt", ts(rs.getTimestamp(10)));
                    return a;
                }, arg);
    }

    private Map<String, Object> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static String ts(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }
}

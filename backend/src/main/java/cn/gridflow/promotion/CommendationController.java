package cn.gridflow.promotion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.security.CurrentUser;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 表彰奖励 (domain-spec §4.4): the list of nominations and one nomination's record — diagram, timeline, what the
 * caller can do now, and for a commended grid worker the bonus written to the HR record that promotion scores add.
 * Those who run the commendation see every nomination; a community or department sees the ones it submitted.
 */
@RestController
@RequestMapping("/api/promotion/commendations")
public class CommendationController {

    static final String PROCESS_KEY = "commendation";
    /** Who oversees commendations and sees all of them. */
    static final List<String> OVERSIGHT = List.of("hr-admin", "assessment-panel", "city-gov-approver", "governance-admin");
    /** Who nominates, and sees what they nominated. */
    static final List<String> NOMINATORS = List.of("community-head", "dept-leader");
    /** Shown on the list and the record; all primitives set by the nomination form and the process. */
    static final List<String> SHOWN = List.of("nomineeType", "nomineeName", "nomineeId", "achievements",
            "commendationStatus", "screeningViolations", "commendationScore", "panelRecommends", "publicityEndAt",
            "objectionSubstantiated", "commendationApproved");

    public record OpenTask(String id, String name, String activityId) {
    }

    private final EngineSystemCalls system;
    private final HistoryService history;
    private final TaskService tasks;
    private final RoundProcessView processView;
    private final HrRecords hr;
    private final JdbcTemplate jdbc;
    private final BigDecimal bonusCap;

    public CommendationController(EngineSystemCalls system, HistoryService history, TaskService tasks,
                                  RoundProcessView processView, HrRecords hr, JdbcTemplate jdbc,
                                  @Value("${gridflow.promotion.bonus-cap:3}") BigDecimal bonusCap) {
        this.system = system;
        this.history = history;
        this.tasks = tasks;
        this.processView = processView;
        this.hr = hr;
        this.jdbc = jdbc;
        this.bonusCap = bonusCap;
    }

    private static boolean oversees(CurrentUser user) {
        return user.isAdmin() || OVERSIGHT.stream().anyMatch(user::hasRole);
    }

    private static CurrentUser requireViewer() {
        CurrentUser user = CurrentUser.get();
        if (!oversees(user) && NOMINATORS.stream().noneMatch(user::hasRole)) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        return user;
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size) {
        CurrentUser user = requireViewer();
        if (page < 0 || size < 1 || size > 200) {
            throw ApiException.badRequest("PAGE_INVALID");
        }
        // the caller's role was checked above; the instances are read on the app's behalf
        return system.call(() -> {
            long total = query(user).count();
            List<Map<String, Object>> items = new ArrayList<>();
            for (HistoricProcessInstance pi : query(user).orderByProcessInstanceStartTime().desc()
                    .listPage(page * size, size)) {
                Map<String, Object> item = summary(pi);
                item.put("currentSteps", currentSteps(pi));
                items.add(item);
            }
            return Map.of("items", items, "total", total, "page", page, "size", size);
        });
    }

    @GetMapping("/{processInstanceId}")
    public Map<String, Object> record(@PathVariable String processInstanceId) {
        CurrentUser user = requireViewer();
        return system.call(() -> {
            HistoricProcessInstance pi = query(user).processInstanceId(processInstanceId).singleResult();
            if (pi == null) {
                throw ApiException.notFound("PROMOTION_COMMENDATION_NOT_FOUND", processInstanceId);
            }
            Map<String, Object> record = summary(pi);
            RoundProcessView.View view = processView.ofInstance(pi.getId());
            record.put("xml", view.xml());
            record.put("activeActivityIds", view.activeActivityIds());
            record.put("completedActivityIds", view.completedActivityIds());
            record.put("timeline", view.timeline());
            record.put("currentSteps", currentSteps(pi));
            // what the caller can do now: their open tasks here, and recording an objection during the notice
            record.put("myTasks", tasks.createTaskQuery().processInstanceId(pi.getId()).or()
                    .taskAssignee(user.id()).taskCandidateGroupIn(user.groups()).endOr().list().stream()
                    .map(t -> new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey())).toList());
            record.put("canObject", (user.isAdmin() || user.hasRole("governance-admin"))
                    && view.activeActivityIds().contains("commendationPublicityPeriod"));
            record.put("award", award(pi.getId()));
            record.put("bonusCap", bonusCap);
            return record;
        });
    }

    private HistoricProcessInstanceQuery query(CurrentUser user) {
        HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY);
        return oversees(user) ? query : query.startedBy(user.id());
    }

    private Map<String, Object> summary(HistoricProcessInstance pi) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("processInstanceId", pi.getId());
        item.put("startedAt", pi.getStartTime().toInstant().toString());
        item.put("endedAt", pi.getEndTime() == null ? null : pi.getEndTime().toInstant().toString());
        item.put("startedBy", pi.getStartUserId());
        history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableNameIn(SHOWN.toArray(String[]::new)).list().forEach(v -> {
                    Object value = v.getValue();
                    item.put(v.getName(), value instanceof java.util.Date d ? d.toInstant().toString() : value);
                });
        return item;
    }

    private List<String> currentSteps(HistoricProcessInstance pi) {
        if (pi.getEndTime() != null) {
            return List.of();
        }
        return history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).unfinished().list()
                .stream().filter(a -> a.getActivityName() != null && !a.getActivityType().equals("subProcess"))
                .map(a -> a.getActivityName()).distinct().toList();
    }

    /** The award of a commended nomination; for a grid worker also the bonus total now in the HR record. */
    private Map<String, Object> award(String processInstanceId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select nominee_type, nominee_id, bonus, awarded_at"
                + " from gf_promotion_commendation where proc_inst_id = ?", processInstanceId);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = rows.get(0);
        Map<String, Object> award = new LinkedHashMap<>();
        award.put("bonus", row.get("bonus"));
        award.put("awardedAt", row.get("awarded_at") instanceof java.sql.Timestamp t ? t.toInstant().toString() : null);
        String nomineeId = (String) row.get("nominee_id");
        award.put("nomineeId", nomineeId);
        if (nomineeId != null) {
            hr.find(nomineeId).ifPresent(r -> award.put("hrBonusTotal", r.commendationBonus()));
        }
        return award;
    }
}

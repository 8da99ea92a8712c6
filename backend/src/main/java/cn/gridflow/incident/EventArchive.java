package cn.gridflow.incident;

import java.sql.Timestamp;
import java.util.Date;

import cn.gridflow.history.HistoryTimeline;
import cn.gridflow.process.ProcessBean;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code ${eventArchive}}: 办结归档. Writes the ended event's record — flags, rating, counters and the timeline of
 * who did what when — in the engine's transaction. Replaces its own row, so a retried job archives once.
 */
@ProcessBean
@Component("eventArchive")
public class EventArchive implements JavaDelegate {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final HistoryTimeline timeline;

    public EventArchive(JdbcTemplate jdbc, ObjectMapper json, HistoryTimeline timeline) {
        this.jdbc = jdbc;
        this.json = json;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        HistoryService history = execution.getProcessEngineServices().getHistoryService();
        String instanceId = execution.getProcessInstanceId();
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId)
                .singleResult();
        Date closedAt = ClockUtil.getCurrentTime();
        Date slaDueAt = (Date) execution.getVariable("slaDueAt");
        boolean breached = Boolean.TRUE.equals(execution.getVariable("slaBreached"));
        jdbc.update("delete from gf_event_archive where proc_inst_id = ?", instanceId);
        jdbc.update("""
                insert into gf_event_archive (proc_inst_id, event_id, category, source, community_id, grid_id, lead_dept,
                    handling_level, city_mode, reported_at, closed_at, close_type, sla_due_at, closed_in_time,
                    sla_breached, escalation_level, satisfaction, reopen_count, return_count, verify_round,
                    extension_used, timeline)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                instanceId, execution.getProcessBusinessKey(), text(execution, "category"), text(execution, "source"),
                text(execution, "communityId"), text(execution, "gridId"), text(execution, "leadDept"),
                text(execution, "handlingLevel"), text(execution, "cityMode"),
                instance == null ? null : new Timestamp(instance.getStartTime().getTime()),
                new Timestamp(closedAt.getTime()), text(execution, "closeType"),
                slaDueAt == null ? null : new Timestamp(slaDueAt.getTime()),
                !breached && (slaDueAt == null || !closedAt.after(slaDueAt)), breached,
                number(execution, "escalationLevel"), text(execution, "satisfaction"), number(execution, "reopenCount"),
                number(execution, "returnCount"), number(execution, "verifyRound"),
                Boolean.TRUE.equals(execution.getVariable("extensionUsed")),
                json.writeValueAsString(timeline.steps(instanceId)));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static int number(DelegateExecution execution, String name) {
        return execution.getVariable(name) instanceof Number n ? n.intValue() : 0;
    }
}

package cn.gridflow.metrics;

import static cn.gridflow.support.Scenario.complete;
import static cn.gridflow.support.Scenario.report;
import static cn.gridflow.support.Scenario.reportToDepartment;
import static cn.gridflow.support.Scenario.taskId;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read model as the engine keeps it: real grid events driven through the app update their rows in the
 * engine's transaction, and a rebuild from ACT_HI_* gives exactly the rows the live projection wrote.
 */
@GridFlowTest
class MetricsReadModelTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Map<String, Object> row(String businessKey) {
        return jdbc.queryForMap("select * from gf_metric_event where business_key = ?", businessKey);
    }

    @Test
    void aGridEventClosedInTheGridIsCountedAsItHappens() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        long closedBefore = manager.get("/api/metrics/overview?communityId=C01").json().path("closed").asLong();

        AppClient grid = AppClient.login(port, "grid0101", "demo");
        String text = uniqueText("楼道堆物");
        String key = report(grid, "G0101", text);
        Map<String, Object> reported = row(key);
        assertThat(reported.get("COMMUNITY_ID")).isEqualTo("C01");
        assertThat(reported.get("GRID_ID")).isEqualTo("G0101");
        assertThat(reported.get("SOURCE")).isEqualTo("GRID_PATROL");
        assertThat(reported.get("CLOSED_AT")).isNull();

        complete(grid, taskId(grid, "受理核实", text), Map.of("category", "ENV_CLUTTER", "urgency", "ROUTINE",
                "canSelfResolve", true, "complex", false));
        Map<String, Object> inGrid = row(key);
        assertThat(inGrid.get("HANDLING_LEVEL")).isEqualTo("GRID");
        assertThat(inGrid.get("SLA_DUE_AT")).isNotNull();
        assertThat(inGrid.get("HANDLING_ACTIVE")).isEqualTo(1);

        complete(grid, taskId(grid, "网格内处置", text), Map.of("resolutionNote", "已清理"));
        complete(grid, taskId(grid, "现场核查", text), Map.of("verifyResult", "PASS"));
        Map<String, Object> closed = row(key);
        assertThat(closed.get("CLOSE_TYPE")).isEqualTo("CLOSED_SELF_RESOLVED");
        assertThat(closed.get("CLOSED_AT")).isNotNull();
        assertThat(closed.get("RESOLVED_AT")).isNotNull();
        assertThat(closed.get("HANDLING_ACTIVE")).isEqualTo(0);
        assertThat(closed.get("CLOSED_IN_TIME")).isEqualTo(true);
        assertThat(closed.get("SIGN_REQUIRED")).isEqualTo(false);

        JsonNode overview = manager.get("/api/metrics/overview?communityId=C01").json();
        assertThat(overview.path("closed").asLong()).isEqualTo(closedBefore + 1);
        JsonNode listed = manager.get("/api/metrics/events?figure=closedInTime&communityId=C01&size=200").json();
        assertThat(listed.findValuesAsText("businessKey")).contains(key);
    }

    @Test
    void aDepartmentEventRecordsItsSigning() {
        String text = reportToDepartment(port, uniqueText("占道经营"), "ENFORCE");
        String key = jdbc.queryForObject("select e.business_key from gf_metric_event e join gf_metric_instance i"
                + " on i.proc_inst_id = e.proc_inst_id where i.proc_def_key = 'grid-event' and e.proc_inst_id in"
                + " (select proc_inst_id from gf_task where title like ?)", String.class, "%" + text + "%");
        Map<String, Object> signed = row(key);
        assertThat(signed.get("LEAD_DEPT")).isEqualTo("ENFORCE");
        assertThat(signed.get("SIGN_REQUIRED")).isEqualTo(true);
        assertThat(signed.get("SIGNED_AT")).isNotNull();
        assertThat(signed.get("SIGNED_IN_TIME")).isEqualTo(true);

        AppClient manager = AppClient.login(port, "manager", "demo");
        AppClient.Reply heatReply = manager.get("/api/metrics/heatmap?processKey=grid-event");
        assertThat(heatReply.status()).as(heatReply.body()).isEqualTo(200);
        JsonNode heat = heatReply.json();
        JsonNode deptHandle = null;
        for (JsonNode activity : heat.path("activities")) {
            if (activity.path("activityId").asText().equals("deptHandle")) {
                deptHandle = activity;
            }
        }
        assertThat(deptHandle).isNotNull();
        assertThat(deptHandle.path("waiting").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(heat.path("xml").asText()).contains("<bpmn:process id=\"grid-event\"");
        JsonNode waiting = manager.get("/api/metrics/heatmap/waiting?processKey=grid-event&activityId=deptHandle&size=200")
                .json();
        assertThat(waiting.findValuesAsText("businessKey")).contains(key);
        assertThat(waiting.path("total").asLong()).isEqualTo(deptHandle.path("waiting").asLong());

        // a community head sees only their community's waiting instances (this one is in C01)
        JsonNode c02 = AppClient.login(port, "chead02", "demo")
                .get("/api/metrics/heatmap/waiting?processKey=grid-event&activityId=deptHandle&size=200").json();
        assertThat(c02.findValuesAsText("businessKey")).doesNotContain(key);
    }

    private static JsonNode byId(JsonNode items, String field, String id) {
        for (JsonNode item : items) {
            if (item.path(field).asText().equals(id)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void workloadAndProcessSummariesCountWhatIsOpen() {
        reportToDepartment(port, uniqueText("井盖松动"), "HOUSING");
        AppClient manager = AppClient.login(port, "manager", "demo");

        JsonNode workload = manager.get("/api/metrics/workload").json();
        JsonNode housing = byId(workload.path("groups"), "id", "dept-handler:HOUSING");
        assertThat(housing).isNotNull();
        assertThat(housing.path("open").asLong()).isEqualTo(jdbc.queryForObject("select count(*) from gf_task t"
                + " join gf_task_candidate c on c.task_id = t.id where c.kind = 'G' and c.party_id = ?", Long.class,
                "dept-handler:HOUSING"));
        assertThat(housing.path("oldestSince").isNull()).isFalse();
        // reportToDepartment signs without claiming the handling task, so nobody holds it yet
        assertThat(byId(workload.path("assignees"), "id", "housing")).isNull();

        JsonNode head = AppClient.login(port, "chead02", "demo").get("/api/metrics/workload").json();
        assertThat(byId(head.path("groups"), "id", "grid-staff:G0101")).isNull();

        JsonNode processes = manager.get("/api/metrics/processes").json();
        JsonNode gridEvent = byId(processes, "processKey", "grid-event");
        assertThat(gridEvent.path("started").asLong()).isEqualTo(jdbc.queryForObject(
                "select count(*) from gf_metric_instance where proc_def_key = 'grid-event'", Long.class));
        assertThat(gridEvent.path("open").asLong() + gridEvent.path("completed").asLong()
                + gridEvent.path("terminated").asLong()).isEqualTo(gridEvent.path("started").asLong());

        JsonNode stages = manager.get("/api/metrics/processes/grid-event/stages").json();
        JsonNode deptHandle = byId(stages.path("openByActivity"), "activityId", "deptHandle");
        assertThat(deptHandle.path("name").asText()).isEqualTo("部门处置");
        assertThat(deptHandle.path("count").asLong()).isEqualTo(jdbc.queryForObject("select count(*) from gf_task"
                + " where task_def_key = 'deptHandle'", Long.class));
        assertThat(stages.path("openByActivity").findValuesAsText("activityId")).doesNotContain("handling");
    }

    private List<Map<String, Object>> snapshot(String table, String id) {
        return jdbc.queryForList("select * from " + table + " order by " + id);
    }

    @Test
    void theModelRebuiltFromHistoryEqualsTheLiveOne() {
        reportToDepartment(port, uniqueText("路灯损坏"), "MARKET");
        AppClient grid = AppClient.login(port, "grid0102", "demo");
        report(grid, "G0102", uniqueText("乱堆放"));
        // one closed in the grid, so the aggregate holds closed, on-time and handling-time counts too
        AppClient closer = AppClient.login(port, "grid0101", "demo");
        String text = uniqueText("垃圾清运");
        report(closer, "G0101", text);
        complete(closer, taskId(closer, "受理核实", text), Map.of("category", "ENV_CLUTTER", "urgency", "ROUTINE",
                "canSelfResolve", true, "complex", false));
        complete(closer, taskId(closer, "网格内处置", text), Map.of("resolutionNote", "已清运"));
        complete(closer, taskId(closer, "现场核查", text), Map.of("verifyResult", "PASS"));

        List<Map<String, Object>> instances = snapshot("gf_metric_instance", "proc_inst_id");
        List<Map<String, Object>> events = snapshot("gf_metric_event", "proc_inst_id");
        List<Map<String, Object>> activities = snapshot("gf_metric_activity", "act_inst_id");
        assertThat(events).isNotEmpty();
        assertThat(activities.size()).isGreaterThan(events.size());
        List<Map<String, Object>> daily = snapshot("gf_metric_daily", DAILY_ORDER);
        assertThat(daily).anySatisfy(row -> assertThat(((Number) row.get("CLOSED_COUNT")).longValue()).isPositive());

        AppClient.Reply forbidden = AppClient.login(port, "manager", "demo").post("/api/admin/metrics/rebuild", Map.of());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(snapshot("gf_metric_event", "proc_inst_id")).isEqualTo(events);

        AppClient.Reply rebuilt = AppClient.login(port, "admin", "admin").post("/api/admin/metrics/rebuild", Map.of());
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(rebuilt.json().path("events").asLong()).isEqualTo(events.size());

        assertSameRows("gf_metric_instance", snapshot("gf_metric_instance", "proc_inst_id"), instances);
        assertSameRows("gf_metric_event", snapshot("gf_metric_event", "proc_inst_id"), events);
        assertSameRows("gf_metric_activity", snapshot("gf_metric_activity", "act_inst_id"), activities);
        // the rebuild computes the daily aggregate in SQL; the live one was kept event by event in Java
        assertSameRows("gf_metric_daily", snapshot("gf_metric_daily", DAILY_ORDER), daily);
    }

    static final String DAILY_ORDER = "grain, stat_day, community_id, grid_id, lead_dept, category, source, city_mode";

    private static void assertSameRows(String table, List<Map<String, Object>> rebuilt,
                                       List<Map<String, Object>> live) {
        List<Map<String, Object>> missing = new ArrayList<>(live);
        missing.removeAll(rebuilt);
        List<Map<String, Object>> extra = new ArrayList<>(rebuilt);
        extra.removeAll(live);
        assertThat(extra).as("%s: rows only in the rebuild; live rows it lacks: %s", table, missing).isEmpty();
        assertThat(missing).as("%s: live rows the rebuild lacks", table).isEmpty();
        assertThat(rebuilt).isEqualTo(live);
    }
}

package cn.gridflow.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import cn.gridflow.support.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 微网格值守 (domain-spec §1.6b step 4): administrators keep the rosters; switching 华中社区 (C01, the demo community
 * with micro-grids G010101/G010102) to war activates them and tells the people on duty, once; the end stands them
 * down.
 */
@GridFlowTest
class DutyRosterHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    @Autowired
    DutyRosters dutyRosters;

    @Autowired
    JdbcTemplate jdbc;

    private AppClient as(String user) {
        return AppClient.login(port, user, "demo");
    }

    private static Map<String, Object> entry(String microGridId, String name, String userId, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("microGridId", microGridId);
        body.put("personName", name);
        body.put("userId", userId);
        body.put("role", "楼栋长");
        body.put("shift", "夜班");
        body.put("phone", phone);
        return body;
    }

    private int rosterRows() {
        return jdbc.queryForObject("select count(*) from gf_duty_roster", Integer.class);
    }

    @Test
    void administratorsKeepTheRostersAndBadEntriesAreRefusedWithAReason() {
        AppClient admin = as("govadmin");
        JsonNode seeded = admin.get("/api/duty-rosters?microGridId=G010101").json();
        assertThat(seeded.findValuesAsText("personName")).contains("陈静", "吴建国");
        assertThat(seeded.get(0).path("communityId").asText()).isEqualTo("C01");
        assertThat(as("grid0101").get("/api/duty-rosters").status()).isEqualTo(403);

        int before = rosterRows();
        AppClient.Reply notMicro = admin.post("/api/duty-rosters", entry("G0101", "某人", null, null));
        assertThat(notMicro.status()).isEqualTo(400);
        assertThat(notMicro.text("message")).contains("G0101").contains("微网格");
        AppClient.Reply noName = admin.inEnglish().post("/api/duty-rosters", entry("G010101", " ", null, null));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.text("message")).contains("person's name");
        assertThat(admin.post("/api/duty-rosters", entry("G010101", "某人", "nobody", null)).status()).isEqualTo(400);
        assertThat(admin.post("/api/duty-rosters", entry("G010101", "某人", null, "call me")).status()).isEqualTo(400);
        assertThat(as("grid0101").post("/api/duty-rosters", entry("G010101", "某人", null, null)).status())
                .isEqualTo(403);
        assertThat(rosterRows()).as("nothing half-written").isEqualTo(before);

        AppClient.Reply created = admin.post("/api/duty-rosters", entry("G010102", "临时值守员", null, "13700000000"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        Map<String, Object> changed = entry("G010102", "临时值守员", null, "13700000001");
        changed.put("shift", "白班");
        AppClient.Reply updated = admin.put("/api/duty-rosters/" + id, changed);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.text("shift")).isEqualTo("白班");
        assertThat(updated.text("updatedBy")).isEqualTo("govadmin");
        assertThat(admin.delete("/api/duty-rosters/" + id).status()).isEqualTo(204);
        assertThat(admin.delete("/api/duty-rosters/" + id).status()).isEqualTo(404);
        assertThat(rosterRows()).isEqualTo(before);
    }

    private void runJobs(String activityId) {
        for (Job job : managementService.createJobQuery().activityId(activityId).list()) {
            managementService.executeJob(job.getId());
        }
    }

    private static String processTask(AppClient user, String name) {
        JsonNode page = user.get("/api/tasks?filter=all&processKey=mode-switch&size=200").json();
        for (JsonNode item : page.path("items")) {
            if (item.path("name").asText().equals(name)) {
                return item.path("id").asText();
            }
        }
        throw new AssertionError("no task " + name + " in " + page);
    }

    private List<String> onDutyIn(String communityId) {
        List<String> names = new ArrayList<>();
        for (JsonNode duty : as("grid0102").get("/api/duty-rosters/active").json()) {
            if (duty.path("communityId").asText().equals(communityId)) {
                names.add(duty.path("personName").asText() + "@" + duty.path("microGridId").asText());
            }
        }
        return names;
    }

    private int dutyNotices(String switchId) {
        return jdbc.queryForObject("select count(*) from gf_notification where kind = 'DUTY_ON' and proc_inst_id = ?",
                Integer.class, switchId);
    }

    @Test
    void goingToWarActivatesTheMicroGridRostersOnceAndTheEndStandsThemDown() {
        AppClient commander = as("commander");
        assertThat(onDutyIn("C01")).isEmpty();
        AppClient.Reply started = commander.post("/api/processes/mode-switch/start", Map.of("variables",
                Map.of("warningType", "FLOOD", "warningLevel", "RED", "scopeCommunityIds", "C01")));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String switchId = started.text("processInstanceId");
        Scenario.complete(commander, processTask(commander, "确认平战转换"),
                Map.of("targetMode", "WAR", "switchNote", "防汛"));
        try {
            assertThat(onDutyIn("C01")).as("activated in a job of its own, not yet run").isEmpty();
            runJobs("activateDutyRosters");
            assertThat(onDutyIn("C01")).contains("陈静@G010101", "吴建国@G010101", "杨磊@G010102", "郑小红@G010102");
            JsonNode chen = null;
            for (JsonNode duty : as("grid0102").get("/api/duty-rosters/active").json()) {
                if (duty.path("personName").asText().equals("陈静")) {
                    chen = duty;
                }
            }
            assertThat(chen.path("role").asText()).isEqualTo("微网格长");
            assertThat(chen.path("phone").asText()).isEqualTo("13800000101");
            assertThat(chen.path("microGridName").asText()).isEqualTo("华中社区第一网格·第1微网格");

            // the people on duty are told: in the app when they have an account, by phone otherwise
            assertThat(as("parttime0101").get("/api/notifications?size=200").body()).contains("战时值守启动");
            int notices = dutyNotices(switchId);
            assertThat(notices).isGreaterThanOrEqualTo(4);
            assertThat(jdbc.queryForObject("select count(*) from gf_notification where kind = 'DUTY_ON'"
                    + " and proc_inst_id = ? and recipient_kind = 'PHONE' and recipient = '13900000102'",
                    Integer.class, switchId)).isEqualTo(1);

            // the same activation again (a job run twice): nothing new stored, nobody told twice
            int rows = jdbc.queryForObject("select count(*) from gf_duty_activation where proc_inst_id = ?",
                    Integer.class, switchId);
            assertThat(dutyRosters.activate(switchId, List.of("C01"))).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from gf_duty_activation where proc_inst_id = ?",
                    Integer.class, switchId)).isEqualTo(rows);
            assertThat(dutyNotices(switchId)).isEqualTo(notices);
        } finally {
            Scenario.complete(commander, processTask(commander, "宣布解除战时状态"), Map.of("endNote", "汛情解除"));
            runJobs("deactivateDutyRosters");
        }
        assertThat(onDutyIn("C01")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from gf_duty_activation where proc_inst_id = ?"
                + " and deactivated_at is not null", Integer.class, switchId)).isGreaterThanOrEqualTo(4);
        AppClient govadmin = as("govadmin");
        Scenario.complete(govadmin, processTask(govadmin, "复盘评估"), Map.of("reviewSummary", "值守到位"));
    }
}

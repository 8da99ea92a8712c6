package cn.gridflow.incident;

import static cn.gridflow.support.Scenario.complete;
import static cn.gridflow.support.Scenario.findTask;
import static cn.gridflow.support.Scenario.taskId;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 市级指令直达网格 through the app: commander → community head → grid worker, scoped at every step. */
@GridFlowTest
class CityCommandHttpTest {

    @LocalServerPort
    int port;

    @Test
    void theCommandersInstructionReachesTheGridsTheCommunityHeadChose() {
        AppClient commander = AppClient.login(port, "commander", "demo");
        AppClient grid = AppClient.login(port, "grid0101", "demo");
        assertThat(commander.get("/api/processes/startable").json().findValuesAsText("key")).contains("city-command-dispatch");
        assertThat(grid.get("/api/processes/startable").json().findValuesAsText("key")).doesNotContain("city-command-dispatch");

        JsonNode startForm = commander.get("/api/processes/city-command-dispatch/start-form").json();
        assertThat(startForm.path("data").path("communityOptions").findValuesAsText("value")).contains("C01", "C02");

        AppClient.Reply late = commander.post("/api/processes/city-command-dispatch/start", Map.of("variables", Map.of(
                "instruction", "过期指令", "category", "SAFETY_HAZARD", "urgency", "URGENT",
                "targetCommunityIds", List.of("C01"), "reportBy", "2020-01-01T10:00")));
        assertThat(late.status()).as(late.body()).isEqualTo(400);
        assertThat(late.text("message")).contains("反馈截止时间须晚于现在");

        String instruction = uniqueText("台风前排查广告牌");
        String reportBy = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
        AppClient.Reply started = commander.post("/api/processes/city-command-dispatch/start", Map.of("variables", Map.of(
                "instruction", instruction, "category", "SAFETY_HAZARD", "urgency", "URGENT",
                "targetCommunityIds", List.of("C01"), "reportBy", reportBy)));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.text("businessKey")).startsWith("CMD-");

        AppClient head = AppClient.login(port, "chead01", "demo");
        String split = taskId(head, "分解到网格", instruction);
        JsonNode splitForm = head.get("/api/tasks/" + split + "/form").json();
        assertThat(splitForm.path("data").path("gridOptions").findValuesAsText("value"))
                .as("a community head chooses among the community's own grids").contains("G0101", "G0102")
                .doesNotContain("G0201");
        AppClient.Reply foreign = head.post("/api/tasks/" + split + "/complete",
                Map.of("variables", Map.of("targetGridIds", List.of("G0201"))));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(findTask(head, "分解到网格", instruction)).as("nothing moved").isNotNull();

        complete(head, split, Map.of("targetGridIds", List.of("G0101"), "splitNote", "重点排查沿街店招"));
        assertThat(findTask(grid, "受理核实", instruction)).as("the grid worker of G0101 has it").isNotNull();
        AppClient otherGrid = AppClient.login(port, "grid0102", "demo");
        assertThat(findTask(otherGrid, "受理核实", instruction)).as("G0102 was not chosen").isNull();
    }
}

package cn.gridflow.tasklist;

import static cn.gridflow.support.Scenario.encode;
import static cn.gridflow.support.Scenario.findTask;
import static cn.gridflow.support.Scenario.report;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The inbox as staff use it: scoped to their grid, counted per filter, paged, sorted and searchable. */
@GridFlowTest
class TaskListTest {

    @LocalServerPort
    int port;

    private long count(AppClient user, String filterId) {
        for (JsonNode filter : user.get("/api/task-filters").json()) {
            if (filter.path("id").asText().equals(filterId)) {
                return filter.path("count").asLong();
            }
        }
        throw new AssertionError("no filter " + filterId);
    }

    @Test
    void aGridWorkerSeesTheirGridOnlyInTheAppAndInEngineRest() {
        AppClient g0101 = AppClient.login(port, "grid0101", "demo");
        AppClient g0201 = AppClient.login(port, "grid0201", "demo");
        String mine = uniqueText("楼道堆物");
        String theirs = uniqueText("占道经营");
        report(g0101, "G0101", mine);
        report(g0201, "G0201", theirs);

        assertThat(findTask(g0101, "受理核实", mine)).isNotNull();
        assertThat(findTask(g0101, "受理核实", theirs)).isNull();
        assertThat(findTask(g0201, "受理核实", theirs)).isNotNull();
        assertThat(findTask(g0201, "受理核实", mine)).isNull();

        String theirTaskId = findTask(g0201, "受理核实", theirs).path("id").asText();
        assertThat(g0101.get("/api/tasks/" + theirTaskId).status()).isEqualTo(404);
        assertThat(g0101.post("/api/tasks/" + theirTaskId + "/claim", Map.of()).status()).isEqualTo(404);
        assertThat(g0101.post("/api/tasks/" + theirTaskId + "/complete", Map.of("variables", Map.of("category",
                "ENV_CLUTTER", "urgency", "ROUTINE", "canSelfResolve", true))).status()).isEqualTo(404);
        assertThat(findTask(g0201, "受理核实", theirs)).as("still open for G0201").isNotNull();

        AppClient engineAsG0101 = AppClient.basic(port, "grid0101", "demo");
        assertThat(engineAsG0101.get("/engine-rest/task/" + theirTaskId).status()).isIn(403, 404);
        JsonNode visible = engineAsG0101.get("/engine-rest/task?maxResults=200").json();
        assertThat(visible.findValuesAsText("id")).doesNotContain(theirTaskId);
        assertThat(visible.findValuesAsText("name")).contains("受理核实");
    }

    @Test
    void everyFilterCarriesALiveCount() {
        AppClient user = AppClient.login(port, "grid0102", "demo");
        long groupBefore = count(user, "group");
        long mineBefore = count(user, "mine");
        String text = uniqueText("噪音纠纷");
        report(user, "G0102", text);
        assertThat(count(user, "group")).isEqualTo(groupBefore + 1);

        String taskId = findTask(user, "受理核实", text).path("id").asText();
        assertThat(user.post("/api/tasks/" + taskId + "/claim", Map.of()).status()).isEqualTo(204);
        assertThat(count(user, "mine")).isEqualTo(mineBefore + 1);
        assertThat(count(user, "group")).isEqualTo(groupBefore);
        assertThat(user.get("/api/tasks?filter=mine&size=200").json().path("total").asLong())
                .isEqualTo(mineBefore + 1);
    }

    @Test
    void savedFiltersNarrowByProcessGridAndTextAndCountTheirTasks() {
        AppClient user = AppClient.login(port, "grid0101", "demo");
        String text = uniqueText("电动车充电");
        report(user, "G0101", text);

        AppClient.Reply saved = user.post("/api/task-filters", Map.of("name", "本网格事件", "criteria",
                Map.of("scope", "all", "processKey", "grid-event", "gridId", "G0101", "text", text)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().path("count").asLong()).isEqualTo(1);
        String id = saved.text("id");

        JsonNode page = user.get("/api/tasks?filter=" + id).json();
        assertThat(page.path("total").asLong()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("title").asText()).isEqualTo(text);

        AppClient other = AppClient.login(port, "grid0102", "demo");
        assertThat(other.get("/api/tasks?filter=" + id).status()).isEqualTo(404);
        assertThat(other.delete("/api/task-filters/" + id).status()).isEqualTo(404);

        assertThat(user.delete("/api/task-filters/" + id).status()).isEqualTo(204);
        assertThat(user.get("/api/task-filters").body()).doesNotContain(id);
    }

    @Test
    void aFilterNeedsANameAndPagingIsBounded() {
        AppClient user = AppClient.login(port, "grid0101", "demo");
        AppClient.Reply unnamed = user.post("/api/task-filters", Map.of("name", " ", "criteria", Map.of()));
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.text("message")).isEqualTo("请为筛选器命名。");
        assertThat(user.get("/api/tasks?size=500").status()).isEqualTo(400);
        assertThat(user.get("/api/tasks?sort=" + encode("name; drop table gf_task")).status()).isEqualTo(400);
    }

    @Test
    void pagesAndSortsServerSide() {
        AppClient user = AppClient.login(port, "grid0202", "demo");
        String prefix = uniqueText("分页");
        for (int i = 0; i < 3; i++) {
            report(user, "G0202", prefix + " #" + i);
        }
        String query = "/api/tasks?filter=all&text=" + encode(prefix) + "&size=2";
        JsonNode first = user.get(query + "&page=0&sort=created&order=asc").json();
        assertThat(first.path("total").asLong()).isEqualTo(3);
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("items").get(0).path("title").asText()).endsWith("#0");
        JsonNode second = user.get(query + "&page=1&sort=created&order=asc").json();
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("title").asText()).endsWith("#2");
        JsonNode newestFirst = user.get(query + "&page=0&sort=created&order=desc").json();
        assertThat(newestFirst.path("items").get(0).path("title").asText()).endsWith("#2");

        JsonNode item = first.path("items").get(0);
        assertThat(item.path("sla").asText()).isEqualTo("ON_TIME");
        assertThat(item.path("due").isNull()).isFalse();
        assertThat(item.path("businessKey").asText()).matches("EV-\\d{8}-\\d{5}");
        assertThat(item.path("candidateGroups").toString()).contains("grid-staff:G0202");
    }

    @Test
    void anAdministratorRebuildsTheReadModelFromTheEngineWithoutChangingAnyInbox() {
        AppClient grid = AppClient.login(port, "grid0101", "demo");
        report(grid, "G0101", uniqueText("重建读模型"));
        String before = grid.get("/api/tasks?filter=all&size=200&sort=created").body();

        assertThat(grid.post("/api/admin/task-read-model/rebuild", Map.of()).status()).isEqualTo(403);
        AppClient admin = AppClient.login(port, "admin", "admin");
        AppClient.Reply rebuilt = admin.post("/api/admin/task-read-model/rebuild", Map.of());
        assertThat(rebuilt.status()).isEqualTo(200);
        long engineCount = AppClient.basic(port, "admin", "admin").get("/engine-rest/task/count").json()
                .path("count").asLong();
        assertThat(rebuilt.json().path("tasks").asLong()).isEqualTo(engineCount);
        assertThat(grid.get("/api/tasks?filter=all&size=200&sort=created").body()).isEqualTo(before);
    }
}

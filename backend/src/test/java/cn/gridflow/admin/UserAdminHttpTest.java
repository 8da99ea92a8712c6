package cn.gridflow.admin;

import static cn.gridflow.support.Scenario.encode;
import static cn.gridflow.support.Scenario.findTask;
import static cn.gridflow.support.Scenario.report;
import static cn.gridflow.support.Scenario.uniqueText;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 系统管理 · 用户与用户组: the administrator creates people, puts them in groups and resets passwords; what they set is
 * what the person then signs in with and works under. Everyone else is refused.
 */
@GridFlowTest
class UserAdminHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private AppClient admin() {
        return AppClient.login(port, "admin", "admin");
    }

    private static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    private static Map<String, Object> user(String id, String password, List<String> groups) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("lastName", "赵");
        body.put("firstName", "新");
        body.put("email", id + "@gridflow.local");
        body.put("password", password);
        body.put("groups", groups);
        return body;
    }

    private int users() {
        return jdbc.queryForObject("select count(*) from ACT_ID_USER", Integer.class);
    }

    private int memberships() {
        return jdbc.queryForObject("select count(*) from ACT_ID_MEMBERSHIP", Integer.class);
    }

    @Test
    void aUserTheAdministratorCreatesSignsInAndSeesTheTasksOfTheirGrid() {
        AppClient admin = admin();
        String id = newId("zhao");
        AppClient.Reply created = admin.post("/api/admin/users",
                user(id, "Start-1234", List.of("grid-staff", "grid-staff:G0202")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("name")).isEqualTo("赵新");
        assertThat(created.json().path("groups").toString()).contains("grid-staff:G0202");
        assertThat(created.body()).doesNotContainIgnoringCase("password").doesNotContain("Start-1234");

        JsonNode found = admin.get("/api/admin/users?q=" + id + "&size=5").json();
        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("email").asText()).isEqualTo(id + "@gridflow.local");
        assertThat(admin.get("/api/admin/users?q=" + encode("赵新") + "&size=100").body()).contains(id);
        assertThat(admin.get("/api/admin/users?group=grid-staff:G0202&size=100").body()).contains(id, "grid0202")
                .doesNotContain("grid0101");

        String text = uniqueText("新网格员可见");
        report(AppClient.login(port, "grid0202", "demo"), "G0202", text);
        AppClient newcomer = AppClient.login(port, id, "Start-1234");
        assertThat(newcomer.get("/api/me").text("name")).isEqualTo("赵新");
        assertThat(findTask(newcomer, "受理核实", text)).as("the G0202 task in the newcomer's inbox").isNotNull();

        // moved to G0201: from their next sign-in, G0202's work is no longer theirs
        Map<String, Object> moved = user(id, null, List.of("grid-staff", "grid-staff:G0201"));
        moved.put("email", "");
        AppClient.Reply updated = admin.put("/api/admin/users/" + id, moved);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("groups").toString()).contains("grid-staff:G0201").doesNotContain("G0202");
        assertThat(updated.json().path("email").isNull()).isTrue();

        // a new password replaces the old one
        assertThat(admin.put("/api/admin/users/" + id + "/password", Map.of("password", "Second-5678")).status())
                .isEqualTo(204);
        AppClient again = AppClient.login(port, id, "Second-5678");
        assertThat(findTask(again, "受理核实", text)).isNull();
        assertThat(AppClient.anonymous(port).tryLogin(id, "Start-1234").status()).isEqualTo(401);
    }

    @Test
    void membershipsAreAddedAndRemovedOneByOneAndOnlyForGroupsThatExist() {
        AppClient admin = admin();
        String id = newId("qian");
        assertThat(admin.post("/api/admin/users", user(id, "Start-1234", List.of())).status()).isEqualTo(201);

        AppClient.Reply added = admin.put("/api/admin/users/" + id + "/groups/grid-parttime:G0202", Map.of());
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().path("groups").toString()).contains("grid-parttime:G0202");
        AppClient.Reply unknown = admin.put("/api/admin/users/" + id + "/groups/grid-staff:G9999", Map.of());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("message")).contains("grid-staff:G9999");
        assertThat(admin.put("/api/admin/users/nobody-here/groups/grid-staff", Map.of()).status()).isEqualTo(404);

        AppClient.Reply removed = admin.delete("/api/admin/users/" + id + "/groups/grid-parttime:G0202");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().path("groups")).isEmpty();

        JsonNode grids = admin.get("/api/admin/groups?type=grid&q=G0202&size=100").json();
        assertThat(grids.findValuesAsText("type")).containsOnly("grid");
        JsonNode staff = null;
        for (JsonNode group : grids.path("items")) {
            if (group.path("id").asText().equals("grid-staff:G0202")) {
                staff = group;
            }
        }
        assertThat(staff).isNotNull();
        assertThat(staff.path("members").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(staff.path("name").asText()).contains("湖前社区第二网格");
        assertThat(admin.get("/api/admin/groups/types").json().toString()).contains("grid", "community", "role");
    }

    @Test
    void onlyAdministratorsManageUsers() {
        for (String who : List.of("govadmin", "grid0101")) {
            AppClient user = AppClient.login(port, who, "demo");
            assertThat(user.get("/api/admin/users").status()).isEqualTo(403);
            assertThat(user.get("/api/admin/groups").status()).isEqualTo(403);
            AppClient.Reply create = user.post("/api/admin/users", user(newId("x"), "Start-1234", List.of()));
            assertThat(create.status()).isEqualTo(403);
            assertThat(user.put("/api/admin/users/grid0101/password", Map.of("password", "hijacked1")).status())
                    .isEqualTo(403);
            assertThat(user.put("/api/admin/users/" + who + "/groups/camunda-admin", Map.of()).status())
                    .isEqualTo(403);
        }
        assertThat(AppClient.anonymous(port).get("/api/admin/users").status()).isEqualTo(401);
        assertThat(AppClient.login(port, "grid0101", "demo").get("/api/me").json().path("groups").toString())
                .doesNotContain("camunda-admin");
    }

    @Test
    void badInputIsRefusedWithAReasonAndNothingIsWritten() {
        AppClient admin = admin();
        int usersBefore = users();
        int membershipsBefore = memberships();

        AppClient.Reply bad = admin.post("/api/admin/users", Map.of("id", "zhang san", "firstName", " ",
                "email", "not-an-address", "password", "short", "groups", List.of("grid-staff")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("message")).isEqualTo("用户信息填写不正确。");
        assertThat(bad.json().findValuesAsText("field")).containsExactlyInAnyOrder("id", "lastName", "email",
                "password");
        assertThat(bad.body()).contains("用户名只能包含字母", "请填写姓或名", "not-an-address", "密码须为 8 至 128 个字符");

        AppClient.Reply english = admin().inEnglish().post("/api/admin/users", user(newId("li"), "short", List.of()));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.json().path("fieldErrors").get(0).path("message").asText())
                .isEqualTo("The password must have 8 to 128 characters.");

        String id = newId("sun");
        AppClient.Reply unknownGroup = admin.post("/api/admin/users",
                user(id, "Start-1234", List.of("grid-staff", "no-such-group")));
        assertThat(unknownGroup.status()).isEqualTo(400);
        assertThat(unknownGroup.text("message")).contains("no-such-group");
        assertThat(admin.get("/api/admin/users/" + id).status()).isEqualTo(404);

        AppClient.Reply duplicate = admin.post("/api/admin/users", user("grid0101", "Start-1234", List.of()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("message")).contains("grid0101").contains("已存在");
        assertThat(admin.post("/api/admin/users", user("GRID0101", "Start-1234", List.of())).status())
                .as("ids differing only in case would collide on MySQL").isEqualTo(409);
        assertThat(AppClient.login(port, "grid0101", "demo").get("/api/me").text("name"))
                .as("the existing user is untouched").isEqualTo("张伟");

        assertThat(admin.get("/api/admin/users?size=500").status()).isEqualTo(400);
        assertThat(admin.put("/api/admin/users/nobody-here", user(null, null, null)).status()).isEqualTo(404);
        assertThat(users()).isEqualTo(usersBefore);
        assertThat(memberships()).isEqualTo(membershipsBefore);
    }

    @Test
    void theLastAdministratorStaysAnAdministrator() {
        AppClient admin = admin();
        String before = admin.get("/api/admin/users/admin").body();
        assertThat(admin.get("/api/admin/groups?type=SYSTEM").body()).contains("\"camunda-admin\"");

        AppClient.Reply leave = admin.delete("/api/admin/users/admin/groups/camunda-admin");
        assertThat(leave.status()).isEqualTo(409);
        assertThat(leave.text("message")).contains("最后一名系统管理员");

        // renaming and dropping the group in one request: the rename is not kept either
        Map<String, Object> demoted = new HashMap<>(Map.of("firstName", "改名", "lastName", "管理员",
                "groups", List.of("grid-staff")));
        AppClient.Reply replaced = admin.put("/api/admin/users/admin", demoted);
        assertThat(replaced.status()).isEqualTo(409);
        assertThat(admin.get("/api/admin/users/admin").body()).isEqualTo(before);

        // with a second administrator, either may leave
        String second = newId("admin");
        assertThat(admin.post("/api/admin/users", user(second, "Start-1234", List.of("camunda-admin"))).status())
                .isEqualTo(201);
        AppClient other = AppClient.login(port, second, "Start-1234");
        assertThat(other.get("/api/admin/users?size=1").status()).isEqualTo(200);
        AppClient.Reply stepDown = admin.delete("/api/admin/users/" + second + "/groups/camunda-admin");
        assertThat(stepDown.status()).as(stepDown.body()).isEqualTo(200);
        assertThat(AppClient.login(port, second, "Start-1234").get("/api/admin/users").status()).isEqualTo(403);
        assertThat(admin.delete("/api/admin/users/admin/groups/camunda-admin").status()).isEqualTo(409);
    }
}

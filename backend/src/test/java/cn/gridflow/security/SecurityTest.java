package cn.gridflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@GridFlowTest
class SecurityTest {

    @LocalServerPort
    int port;

    @Test
    void anonymousCallersGet401WithoutABrowserChallenge() {
        AppClient anonymous = AppClient.anonymous(port);
        AppClient.Reply api = anonymous.get("/api/tasks");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.text("message")).isEqualTo("请先登录。");

        AppClient.Reply engine = anonymous.get("/engine-rest/task");
        assertThat(engine.status()).isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/process-definition").status()).isEqualTo(401);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void healthIsOpenToProbes() {
        AppClient.Reply health = AppClient.anonymous(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
    }

    @Test
    void engineRestTakesBasicAuthAgainstCamundaIdentity() {
        // Wrong passwords go to a user no other test logs in as: Camunda delays logins after a failure.
        assertThat(AppClient.basic(port, "resident01", "wrong").get("/engine-rest/task/count").status())
                .isEqualTo(401);
        AppClient.Reply ok = AppClient.basic(port, "grid0101", "demo").get("/engine-rest/task/count");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("count").isNumber()).isTrue();
    }

    @Test
    void loginTellsAPersonWhatWentWrongInTheirLanguage() {
        AppClient.Reply zh = AppClient.anonymous(port).tryLogin("resident01", "nope");
        assertThat(zh.status()).isEqualTo(401);
        assertThat(zh.text("message")).isEqualTo("用户名或密码错误。");

        AppClient.Reply en = AppClient.anonymous(port).inEnglish().tryLogin("nosuchuser", "nope");
        assertThat(en.status()).isEqualTo(401);
        assertThat(en.text("message")).isEqualTo("Wrong user name or password.");
    }

    @Test
    void loginOpensASessionThatLogoutCloses() {
        AppClient user = AppClient.login(port, "grid0101", "demo");
        AppClient.Reply me = user.get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("name")).isEqualTo("张伟");
        assertThat(me.json().path("scopes").path("grids").toString()).contains("G0101");
        assertThat(me.json().path("menus").toString()).contains("tasks").doesNotContain("designer", "admin");

        assertThat(user.post("/api/auth/logout", Map.of()).status()).isEqualTo(204);
        assertThat(user.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void aWriteWithoutTheCsrfTokenIsRefused() {
        AppClient user = AppClient.login(port, "grid0101", "demo");
        AppClient.Reply forged = user.postWithoutCsrf("/api/task-filters",
                Map.of("name", "forged", "criteria", Map.of("scope", "mine")));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(user.get("/api/task-filters").body()).doesNotContain("forged");
    }

    @Test
    void menusFollowTheUsersGroups() {
        assertThat(AppClient.login(port, "designer", "demo").get("/api/me").json().path("menus").toString())
                .contains("designer").doesNotContain("admin");
        assertThat(AppClient.login(port, "admin", "admin").get("/api/me").json().path("menus").toString())
                .contains("designer", "dashboard", "admin");
    }
}

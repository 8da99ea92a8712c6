package cn.gridflow.hoa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.AppClient.Reply;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine-rest contract of hoa-major-decision: started with the spec's variables, driven with the spec's group
 * ids, ballots arriving as message MSG_BALLOT_CAST (local variables voterKey or unitId, and choice).
 */
@GridFlowTest
class HoaEngineRestTest {

    @LocalServerPort
    int port;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> string(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static Map<String, Object> integer(int value) {
        return Map.of("value", value, "type", "Integer");
    }

    private String task(AppClient admin, String pid, String key) {
        JsonNode tasks = admin.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key
                + "&firstResult=0&maxResults=5").json();
        assertThat(tasks).as("task " + key).hasSize(1);
        return tasks.get(0).path("id").asText();
    }

    private Reply ballot(AppClient admin, String pid, String voterKey, String choice) {
        return admin.post("/engine-rest/message", Map.of("messageName", "MSG_BALLOT_CAST", "processInstanceId", pid,
                "processVariablesLocal", Map.of("voterKey", string(voterKey), "choice", string(choice))));
    }

    @Test
    void startedAndDrivenThroughEngineRestWithBallotsAsMessages() {
        AppClient admin = AppClient.basic(port, "admin", "admin");
        Reply started = admin.post("/engine-rest/process-definition/key/hoa-major-decision/start", Map.of(
                "businessKey", "HOA-REST-0001", "variables", Map.of("propertyAreaId", string("EST01"),
                        "matterType", string("OTHER_MAJOR"), "title", string("引入快递柜（engine-rest）"),
                        "proposalText", string("在1幢、2幢门厅引入快递柜"), "assemblyMode", string("GENERAL"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String pid = started.text("id");
        JsonNode vars = admin.get("/engine-rest/process-instance/" + pid + "/variables").json();
        assertThat(vars.path("communityId").path("value").asText()).isEqualTo("C01");
        assertThat(vars.path("membersTotal").path("value").asInt()).isEqualTo(7);
        assertThat(vars.path("voteTier").path("value").asText()).isEqualTo("ORDINARY");
        assertThat(vars.path("matterId").path("value").asText()).isEqualTo("HOA-REST-0001");

        // The meeting is announced through engine-rest as an ISO instant 7 days and a minute ahead.
        String announce = task(admin, pid, "announceMeeting");
        String meetingAt = java.time.OffsetDateTime.now().plusDays(7).plusMinutes(1).toString();
        Reply announced = admin.post("/engine-rest/task/" + announce + "/complete", Map.of("variables", Map.of(
                "committeeMeetingAt", string(meetingAt), "meetingPlace", string("物业活动室"))));
        assertThat(announced.status()).as(announced.body()).isEqualTo(204);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pid)
                .activityId("waitCommitteeMeeting").singleResult().getId());

        String committee = task(admin, pid, "committeeDeliberation");
        List<String> groups = admin.get("/engine-rest/task/" + committee + "/identity-links").json()
                .findValuesAsText("groupId");
        assertThat(groups).containsExactly("hoa-chair:EST01");
        assertThat(admin.post("/engine-rest/task/" + committee + "/complete", Map.of("variables", Map.of(
                "membersPresent", integer(6), "membersFor", integer(5), "committeeMinutes", string("纪要")))).status())
                .isEqualTo(204);
        String review = task(admin, pid, "partyReview");
        assertThat(admin.get("/engine-rest/task/" + review + "/identity-links").json().findValuesAsText("groupId"))
                .containsExactly("party-org:C01");
        assertThat(admin.post("/engine-rest/task/" + review + "/complete", Map.of("variables", Map.of(
                "partyDecision", string("APPROVE")))).status()).isEqualTo(204);

        // Before voting opens a ballot message is refused and nothing is stored.
        assertThat(ballot(admin, pid, "owner01", "YES").status()).isGreaterThanOrEqualTo(400);
        String job = managementService.createJobQuery().processInstanceId(pid).activityId("waitVoteOpen")
                .singleResult().getId();
        managementService.executeJob(job);

        assertThat(ballot(admin, pid, "owner01", "YES").status()).isEqualTo(204);
        assertThat(ballot(admin, pid, "owner01", "NO").status()).isGreaterThanOrEqualTo(400);
        assertThat(ballot(admin, pid, "stranger", "YES").status()).isGreaterThanOrEqualTo(400);
        assertThat(jdbc.queryForList("select voter_key || ':' || choice from gf_hoa_ballot where matter_id = ?",
                String.class, "HOA-REST-0001")).containsExactly("owner01:YES");
        assertThat(admin.get("/engine-rest/process-instance/" + pid + "/variables/voterKey").status()).isEqualTo(404);
    }
}

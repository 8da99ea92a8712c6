package cn.gridflow.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The round's archive step (§4.3 step 11, art. 22) on a finished round: each candidate gets a personnel-file record,
 * the round one published list of results; a second run of the job writes nothing more; everyone signed in reads the
 * publication, the personnel records only HR and the candidate themself.
 */
@GridFlowTest
class PromotionArchiveHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationLedger ledger;

    @Autowired
    RoundArchive archive;

    @Autowired
    JdbcTemplate jdbc;

    private void candidate(String roundKey, String applicantId, String community, String status, Map<String, Object> facts) {
        jdbc.update("insert into gf_promotion_application (round_key, applicant_id, community_id, status, applied_at,"
                + " updated_at) values (?, ?, ?, 'APPLIED', ?, ?)", roundKey, applicantId, community,
                Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
        ledger.record(roundKey, applicantId, status, facts);
    }

    private static Map<String, Object> scores(int rank, double written, double interview, double bonus, double total) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("writtenScore", written);
        facts.put("interviewScore", interview);
        facts.put("commendationBonus", bonus);
        facts.put("totalScore", total);
        facts.put("rank", rank);
        facts.put("publicityEndAt", "2037-02-10T01:00:00Z");
        return facts;
    }

    private long count(String table, String roundKey) {
        return jdbc.queryForObject("select count(*) from " + table + " where round_key = ?", Long.class, roundKey);
    }

    @Test
    void theArchiveFilesEveryCandidateOncePublishesTheResultsToAllAndShowsRecordsToHrAndTheCandidateOnly() {
        AppClient hr = AppClient.login(port, "hr01", "demo");
        AppClient zhang = AppClient.login(port, "grid0101", "demo");
        AppClient zhao = AppClient.login(port, "grid0202", "demo");
        AppClient check = AppClient.login(port, "check01", "demo");
        AppClient.Reply opened = hr.post("/api/promotion/rounds", Map.of("year", 2037, "postPool", "SOE_RESERVED"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String roundKey = opened.text("roundKey");

        // the round's end as the candidate processes left it: appointed; disqualified after an upheld objection;
        // ineligible
        candidate(roundKey, "grid0101", "C01", "APPOINTED", scores(1, 88, 84, 1, 87.7));
        Map<String, Object> disqualified = scores(2, 80, 75, 0, 80.1);
        disqualified.put("objectionSubstantiated", true);
        candidate(roundKey, "grid0102", "C01", "DISQUALIFIED", disqualified);
        archive.objectionFiled(roundKey, "grid0102", "hr01", "群众反映其考核材料不实");
        candidate(roundKey, "grid0201", "C02", "INELIGIBLE", Map.of("eligibilityViolations", "NO_EXCELLENT"));

        AppClient.Reply early = zhao.get("/api/promotion/rounds/" + roundKey + "/publication");
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.text("message")).contains("尚未公布");

        ledger.archive(roundKey);
        ledger.archive(roundKey); // the job retried: nothing is written twice
        assertThat(count("gf_promotion_personnel_record", roundKey)).isEqualTo(3);
        assertThat(count("gf_promotion_publication", roundKey)).isEqualTo(1);
        assertThat(archive.archive(roundKey)).as("a later run claims nothing").isFalse();

        // the publication: the appointed list with scores, time and scope, readable by any signed-in user
        for (AppClient reader : new AppClient[] {zhao, check, hr}) {
            AppClient.Reply publication = reader.get("/api/promotion/rounds/" + roundKey + "/publication");
            assertThat(publication.status()).as(publication.body()).isEqualTo(200);
        }
        JsonNode publication = zhao.get("/api/promotion/rounds/" + roundKey + "/publication").json();
        assertThat(publication.path("scope").asText()).isEqualTo("ALL_USERS");
        assertThat(publication.path("publishedAt").asText()).isNotBlank();
        assertThat(publication.path("entries")).hasSize(1);
        assertThat(publication.path("entries").get(0).path("applicantId").asText()).isEqualTo("grid0101");
        assertThat(publication.path("entries").get(0).path("totalScore").decimalValue()).isEqualByComparingTo("87.7");
        assertThat(publication.path("body").asText()).contains("grid0101", "总分 87.7", "正式聘用")
                .doesNotContain("grid0102", "grid0201");

        // HR reads the whole round's personnel file
        assertThat(hr.get("/api/promotion/rounds/" + roundKey).json().path("archived").asBoolean()).isTrue();
        JsonNode records = hr.get("/api/promotion/rounds/" + roundKey + "/personnel-records").json();
        assertThat(records).hasSize(3);
        JsonNode appointed = records.get(0);
        assertThat(appointed.path("applicantId").asText()).isEqualTo("grid0101");
        assertThat(appointed.path("finalStatus").asText()).isEqualTo("APPOINTED");
        assertThat(appointed.path("appointmentResult").asText()).isEqualTo("APPOINTED");
        assertThat(appointed.path("writtenScore").decimalValue()).isEqualByComparingTo("88");
        assertThat(appointed.path("interviewScore").decimalValue()).isEqualByComparingTo("84");
        assertThat(appointed.path("bonus").decimalValue()).isEqualByComparingTo("1");
        assertThat(appointed.path("rank").asInt()).isEqualTo(1);
        assertThat(appointed.path("publicityEndAt").asText()).isEqualTo("2037-02-10T01:00:00Z");
        assertThat(appointed.path("objectionsFiled").asInt()).isZero();
        JsonNode objected = records.get(1);
        assertThat(objected.path("applicantId").asText()).isEqualTo("grid0102");
        assertThat(objected.path("objectionsFiled").asInt()).isEqualTo(1);
        assertThat(objected.path("objectionOutcome").asText()).isEqualTo("SUBSTANTIATED");
        assertThat(objected.path("objections").get(0).path("text").asText()).isEqualTo("群众反映其考核材料不实");
        assertThat(objected.path("appointmentResult").asText()).isEqualTo("DISQUALIFIED");
        assertThat(records.get(2).path("finalStatus").asText()).isEqualTo("INELIGIBLE");

        // the candidate sees their own record, nobody else's; others are refused in both languages
        JsonNode mine = zhang.get("/api/promotion/my-personnel-records").json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("roundKey").asText()).isEqualTo(roundKey);
        assertThat(zhang.get("/api/promotion/rounds/" + roundKey + "/personnel-records/grid0101").status())
                .isEqualTo(200);
        assertThat(zhao.get("/api/promotion/my-personnel-records").json()).isEmpty();
        AppClient.Reply foreign = zhao.get("/api/promotion/rounds/" + roundKey + "/personnel-records/grid0101");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.text("message")).contains("仅人事管理员和候选人本人");
        AppClient.Reply all = check.inEnglish().get("/api/promotion/rounds/" + roundKey + "/personnel-records");
        assertThat(all.status()).isEqualTo(403);
        assertThat(all.text("message")).contains("HR and to the candidate themself");
        assertThat(zhang.get("/api/promotion/rounds/" + roundKey + "/personnel-records").status())
                .as("a candidate does not read the others' files").isEqualTo(403);
    }
}

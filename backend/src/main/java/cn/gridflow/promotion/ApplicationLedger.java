package cn.gridflow.promotion;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.process.promotion.PromotionLedger;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The promotion processes' view of the application table: who applied, and each candidate's latest state. */
@Component("promotionLedger")
public class ApplicationLedger implements PromotionLedger {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public ApplicationLedger(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<String> applicants(String roundKey) {
        return jdbc.queryForList("select applicant_id from gf_promotion_application where round_key = ? order by id",
                String.class, roundKey);
    }

    @Override
    public String communityOf(String applicantId) {
        return jdbc.query("select community_id from gf_promotion_hr_record where user_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, applicantId);
    }

    /** Facts accumulate: a later state keeps the scores and reasons recorded earlier. */
    @Override
    public void record(String roundKey, String applicantId, String status, Map<String, Object> facts) {
        Map<String, Object> merged = new LinkedHashMap<>(facts(roundKey, applicantId));
        facts.forEach((k, v) -> merged.put(k, v instanceof Date d ? d.toInstant().toString() : v));
        jdbc.update("update gf_promotion_application set status = ?, rank_no = ?, total_score = ?, violations = ?,"
                        + " facts_json = ?, updated_at = ? where round_key = ? and applicant_id = ?",
                status, merged.get("rank"), merged.get("totalScore"), merged.get("eligibilityViolations"),
                write(merged), Timestamp.from(Instant.now()), roundKey, applicantId);
    }

    @Override
    public void archive(String roundKey) {
        jdbc.update("update gf_promotion_round set archived_at = ? where round_key = ? and archived_at is null",
                Timestamp.from(Instant.now()), roundKey);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> facts(String roundKey, String applicantId) {
        String text = jdbc.query("select facts_json from gf_promotion_application where round_key = ? and applicant_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, roundKey, applicantId);
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private String write(Map<String, Object> facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

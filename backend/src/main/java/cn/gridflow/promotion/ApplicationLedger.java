package cn.gridflow.promotion;

import cn.gridflow.process.ProcessBean;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.gridflow.notification.Notification;
import cn.gridflow.notification.Notifications;
import cn.gridflow.process.promotion.PromotionLedger;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The promotion processes' view of the application table: who applied, and each candidate's latest state. */
@ProcessBean
@Component("promotionLedger")
public class ApplicationLedger implements PromotionLedger {

    /** What the applicant is told at each state; the eligibility reasons are spelled out (§4.3 step 5.4). */
    private static final Map<String, String> NOTICES = Map.of(
            "INELIGIBLE", "您报名的 %s 资格审查未通过：%s",
            "SHORTLISTED", "您已入围 %s（第 %s 名），将进行考察与政审",
            "WAITLISTED", "您已列入 %s 候补名单（第 %s 名），候补至当年 12 月 31 日",
            "OFFERED", "%s：已向您发出聘用通知，请在 %s 前报到，逾期未报到视为放弃",
            "DISQUALIFIED", "%s：您的拟聘资格已被取消",
            "FORFEITED", "%s：您未在期限内报到，视为放弃",
            "APPOINTED", "%s：您已通过试用期考核，正式聘用",
            "PROBATION_FAILED", "%s：您的试用期考核未通过",
            "WAITLIST_EXPIRED", "%s：候补名单已到期失效");

    private static final Map<String, String> REASONS = Map.of(
            "SERVICE_LT_3Y", "任职不满 3 年",
            "ASSESSMENT_BELOW_COMPETENT", "近两年考核有基本称职及以下",
            "NO_EXCELLENT", "无优秀等次",
            "AGE_LIMIT", "超过 45 周岁且优秀不足 2 次",
            "EDUCATION", "学历低于大专",
            "DISCIPLINARY", "处分期未满",
            "NOT_FULL_TIME", "非专职网格员",
            "NOT_RECOMMENDED", "社区未推荐");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Notifications notifications;
    private final RoundArchive archive;

    public ApplicationLedger(JdbcTemplate jdbc, ObjectMapper json, Notifications notifications, RoundArchive archive) {
        this.archive = archive;
        this.jdbc = jdbc;
        this.json = json;
        this.notifications = notifications;
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
        int updated = jdbc.update("update gf_promotion_application set status = ?, rank_no = ?, total_score = ?,"
                        + " violations = ?, facts_json = ?, updated_at = ? where round_key = ? and applicant_id = ?",
                status, merged.get("rank"), merged.get("totalScore"), merged.get("eligibilityViolations"),
                write(merged), Timestamp.from(Instant.now()), roundKey, applicantId);
        String notice = NOTICES.get(status);
        if (updated > 0 && notice != null) {
            // one notice per applicant, round and state, however often a job records it
            notifications.send("promotion:" + roundKey + ":" + applicantId + ":" + status, "PROMOTION_" + status,
                    Notification.RecipientKind.USER, applicantId, String.format(notice, roundKey, detail(status, merged)),
                    null, roundKey + "-" + applicantId, null);
        }
    }

    private static String detail(String status, Map<String, Object> facts) {
        return switch (status) {
            case "INELIGIBLE" -> {
                Object reasons = facts.get("eligibilityViolations");
                yield reasons == null ? "" : String.join("；", java.util.Arrays.stream(reasons.toString().split(","))
                        .map(r -> REASONS.getOrDefault(r, r)).toList());
            }
            case "OFFERED" -> String.valueOf(facts.get("reportDueAt"));
            default -> String.valueOf(facts.get("rank"));
        };
    }

    @Override
    public void archive(String roundKey) {
        archive.archive(roundKey);
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

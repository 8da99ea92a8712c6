package cn.gridflow.promotion;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The round's archive (§4.3 step 11, art. 22): per candidate a personnel-file record (final status, scores, rank,
 * publicity, objections and their outcome, appointment result) and one publication of the results with its text.
 * Written exactly once: whoever flips {@code archived_at} from null writes, a second run of the job finds it set.
 */
@Component
public class RoundArchive {

    /** Who may read the publication: art. 22 makes results public, so every signed-in user. */
    public static final String SCOPE = "ALL_USERS";

    /** Final states that put a candidate on the published list (appointed, or still on the shortlist's way). */
    static final Set<String> PUBLISHED = Set.of("APPOINTED", "ON_PROBATION", "OFFERED", "IN_PUBLICITY", "SHORTLISTED");

    private static final Map<String, String> RESULT_ZH = Map.of(
            "APPOINTED", "正式聘用", "ON_PROBATION", "试用期", "OFFERED", "已发聘用通知", "IN_PUBLICITY", "公示中",
            "SHORTLISTED", "入围");

    public record Entry(String applicantId, Integer rank, String status, BigDecimal writtenScore,
                        BigDecimal interviewScore, BigDecimal bonus, BigDecimal totalScore) {
    }

    public record Publication(String roundKey, String publishedAt, String scope, String title, String body,
                              List<Entry> entries) {
    }

    public record Objection(String filedBy, String filedAt, String text) {
    }

    public record PersonnelRecord(String roundKey, String applicantId, String finalStatus, BigDecimal writtenScore,
                                  BigDecimal interviewScore, BigDecimal bonus, BigDecimal totalScore, Integer rank,
                                  String publicityEndAt, int objectionsFiled, String objectionOutcome,
                                  String appointmentResult, List<Objection> objections, String archivedAt) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public RoundArchive(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records an objection as filed, for the candidate's personnel file. */
    public void objectionFiled(String roundKey, String applicantId, String by, String text) {
        jdbc.update("insert into gf_promotion_objection (round_key, applicant_id, filed_by, filed_at, objection)"
                + " values (?, ?, ?, ?, ?)", roundKey, applicantId, by, Timestamp.from(Instant.now()), text);
    }

    /** Archives the round once; returns whether this call wrote the archive. */
    @Transactional
    public boolean archive(String roundKey) {
        Timestamp now = Timestamp.from(Instant.now());
        // the flip of archived_at is the claim: a job run twice (or two nodes) finds it taken and writes nothing
        if (jdbc.update("update gf_promotion_round set archived_at = ? where round_key = ? and archived_at is null",
                now, roundKey) == 0) {
            return false;
        }
        List<Map<String, Object>> rows = jdbc.queryForList("select applicant_id, status, rank_no, total_score,"
                + " facts_json from gf_promotion_application where round_key = ?"
                + " order by case when rank_no is null then 1 else 0 end, rank_no, applicant_id", roundKey);
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String applicantId = (String) row.get("applicant_id");
            String status = (String) row.get("status");
            Map<String, Object> facts = read((String) row.get("facts_json"));
            Integer rank = row.get("rank_no") == null ? null : ((Number) row.get("rank_no")).intValue();
            BigDecimal total = (BigDecimal) row.get("total_score");
            List<Objection> objections = objections(roundKey, applicantId);
            String outcome = objections.isEmpty() ? null : outcome(facts.get("objectionSubstantiated"));
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("facts", facts);
            record.put("objections", objections);
            jdbc.update("insert into gf_promotion_personnel_record (round_key, applicant_id, final_status,"
                            + " written_score, interview_score, bonus, total_score, rank_no, publicity_end_at,"
                            + " objections_filed, objection_outcome, appointment_result, record_json, archived_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    roundKey, applicantId, status, decimal(facts.get("writtenScore")),
                    decimal(facts.get("interviewScore")), decimal(facts.get("commendationBonus")), total, rank,
                    facts.get("publicityEndAt") == null ? null : facts.get("publicityEndAt").toString(),
                    objections.size(), outcome, result(status), write(record), now);
            if (PUBLISHED.contains(status)) {
                entries.add(new Entry(applicantId, rank, status, decimal(facts.get("writtenScore")),
                        decimal(facts.get("interviewScore")), decimal(facts.get("commendationBonus")), total));
            }
        }
        String title = roundKey + " 选聘结果公布";
        jdbc.update("insert into gf_promotion_publication (round_key, published_at, scope, title, body, entries_json)"
                + " values (?, ?, ?, ?, ?, ?)", roundKey, now, SCOPE, title, text(roundKey, now, entries), write(entries));
        return true;
    }

    public boolean isArchived(String roundKey) {
        return jdbc.queryForObject("select count(*) from gf_promotion_publication where round_key = ?", Long.class,
                roundKey) > 0;
    }

    public Optional<Publication> publication(String roundKey) {
        return jdbc.query("select round_key, published_at, scope, title, body, entries_json from gf_promotion_publication"
                + " where round_key = ?", rs -> rs.next()
                ? Optional.of(new Publication(rs.getString(1), rs.getTimestamp(2).toInstant().toString(), rs.getString(3),
                        rs.getString(4), rs.getString(5), readList(rs.getString(6), new TypeReference<List<Entry>>() { })))
                : Optional.empty(), roundKey);
    }

    /** The round's records, or one applicant's across rounds (callers decide who may read which). */
    public List<PersonnelRecord> records(String roundKey, String applicantId) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (roundKey != null) {
            where.append(" and round_key = ?");
            args.add(roundKey);
        }
        if (applicantId != null) {
            where.append(" and applicant_id = ?");
            args.add(applicantId);
        }
        return jdbc.query("select round_key, applicant_id, final_status, written_score, interview_score, bonus,"
                + " total_score, rank_no, publicity_end_at, objections_filed, objection_outcome, appointment_result,"
                + " record_json, archived_at from gf_promotion_personnel_record" + where
                + " order by round_key, case when rank_no is null then 1 else 0 end, rank_no, applicant_id", (rs, i) -> {
                    Map<String, Object> record = read(rs.getString(13));
                    List<Objection> objections = json.convertValue(record.getOrDefault("objections", List.of()),
                            new TypeReference<List<Objection>>() { });
                    return new PersonnelRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                            (Integer) rs.getObject(8, Integer.class), rs.getString(9), rs.getInt(10), rs.getString(11),
                            rs.getString(12), objections, rs.getTimestamp(14).toInstant().toString());
                }, args.toArray());
    }

    private List<Objection> objections(String roundKey, String applicantId) {
        return jdbc.query("select filed_by, filed_at, objection from gf_promotion_objection where round_key = ?"
                + " and applicant_id = ? order by filed_at, id", (rs, i) -> new Objection(rs.getString(1),
                rs.getTimestamp(2).toInstant().toString(), rs.getString(3)), roundKey, applicantId);
    }

    /** The investigation's finding; an objection still open at the end is recorded as such. */
    private static String outcome(Object substantiated) {
        if (substantiated == null) {
            return "NOT_DECIDED";
        }
        return Boolean.parseBoolean(substantiated.toString()) ? "SUBSTANTIATED" : "UNFOUNDED";
    }

    /** The appointment and probation result as the file keeps it. */
    static String result(String status) {
        return switch (status) {
            case "APPOINTED" -> "APPOINTED";
            case "PROBATION_FAILED" -> "PROBATION_FAILED";
            case "FORFEITED" -> "FORFEITED";
            case "DISQUALIFIED" -> "DISQUALIFIED";
            case "WAITLISTED", "WAITLIST_EXPIRED" -> "NOT_APPOINTED_WAITLIST";
            case "INELIGIBLE" -> "INELIGIBLE";
            default -> "NOT_APPOINTED";
        };
    }

    private static String text(String roundKey, Timestamp at, List<Entry> entries) {
        StringBuilder text = new StringBuilder("根据《龙港市社区治理条例》关于信息公开的规定（art. 22），现将 ").append(roundKey)
                .append(" 选聘结果公布如下（公布时间 ").append(at.toInstant()).append("，公布范围：全体用户）：\n");
        if (entries.isEmpty()) {
            text.append("本轮无聘用或入围人员。\n");
        }
        for (Entry e : entries) {
            text.append(e.rank() == null ? "-" : e.rank()).append(". ").append(e.applicantId())
                    .append("：笔试 ").append(plain(e.writtenScore())).append("，面试 ").append(plain(e.interviewScore()))
                    .append("，加分 ").append(plain(e.bonus())).append("，总分 ").append(plain(e.totalScore()))
                    .append("，").append(RESULT_ZH.getOrDefault(e.status(), e.status())).append("\n");
        }
        return text.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of(); // a damaged facts column must not stop the archive of the whole round
        }
    }

    private <T> T readList(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

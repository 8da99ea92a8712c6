package cn.gridflow.promotion;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Personnel data of grid workers (service years, yearly assessments, education, discipline) kept by HR. */
@Component
public class HrRecords {

    public static final List<String> GRADES = List.of("EXCELLENT", "COMPETENT", "BASIC", "INCOMPETENT");
    public static final List<String> EMPLOYMENT_TYPES = List.of("FULL_TIME_GRID", "PART_TIME_GRID", "COMMUNITY_WORKER");

    public record Assessment(int year, String grade) {
    }

    public record HrRecord(String userId, String communityId, String gridId, String employmentType,
                           BigDecimal serviceYears, LocalDate birthDate, int educationRank, LocalDate disciplinaryUntil,
                           BigDecimal performanceScore, BigDecimal commendationBonus, List<Assessment> assessments,
                           long version) {
    }

    private final JdbcTemplate jdbc;

    public HrRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<HrRecord> find(String userId) {
        List<HrRecord> found = jdbc.query("select * from gf_promotion_hr_record where user_id = ?",
                (rs, i) -> new HrRecord(rs.getString("user_id"), rs.getString("community_id"), rs.getString("grid_id"),
                        rs.getString("employment_type"), rs.getBigDecimal("service_years"),
                        rs.getDate("birth_date").toLocalDate(), rs.getInt("education_rank"),
                        rs.getDate("disciplinary_until") == null ? null : rs.getDate("disciplinary_until").toLocalDate(),
                        rs.getBigDecimal("performance_score"), rs.getBigDecimal("commendation_bonus"),
                        assessments(rs.getString("user_id")), rs.getLong("version_no")), userId);
        return found.stream().findFirst();
    }

    public List<Assessment> assessments(String userId) {
        return jdbc.query("select assess_year, grade from gf_promotion_assessment where user_id = ? order by assess_year desc",
                (rs, i) -> new Assessment(rs.getInt(1), rs.getString(2)), userId);
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from gf_promotion_hr_record", Long.class);
    }

    public List<HrRecord> page(int page, int size) {
        return jdbc.queryForList("select user_id from gf_promotion_hr_record order by user_id limit ? offset ?",
                String.class, size, page * size).stream().map(id -> find(id).orElseThrow()).toList();
    }

    /**
     * Creates or replaces a record. {@code expectedVersion} is the version the editor saw (null for a new record):
     * if someone saved in between, nothing is written and false comes back.
     */
    @Transactional
    public boolean save(HrRecord r, Long expectedVersion) {
        Timestamp now = Timestamp.from(Instant.now());
        Date disciplinary = r.disciplinaryUntil() == null ? null : Date.valueOf(r.disciplinaryUntil());
        if (expectedVersion == null) {
            if (find(r.userId()).isPresent()) {
                return false;
            }
            jdbc.update("insert into gf_promotion_hr_record (user_id, community_id, grid_id, employment_type, service_years,"
                            + " birth_date, education_rank, disciplinary_until, performance_score, commendation_bonus,"
                            + " updated_at, version_no) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    r.userId(), r.communityId(), r.gridId(), r.employmentType(), r.serviceYears(),
                    Date.valueOf(r.birthDate()), r.educationRank(), disciplinary, r.performanceScore(),
                    r.commendationBonus() == null ? BigDecimal.ZERO : r.commendationBonus(), now);
        } else if (jdbc.update("update gf_promotion_hr_record set community_id = ?, grid_id = ?, employment_type = ?,"
                        + " service_years = ?, birth_date = ?, education_rank = ?, disciplinary_until = ?,"
                        + " performance_score = ?, commendation_bonus = ?, updated_at = ?, version_no = version_no + 1"
                        + " where user_id = ? and version_no = ?",
                r.communityId(), r.gridId(), r.employmentType(), r.serviceYears(), Date.valueOf(r.birthDate()),
                r.educationRank(), disciplinary, r.performanceScore(),
                r.commendationBonus() == null ? BigDecimal.ZERO : r.commendationBonus(), now, r.userId(),
                expectedVersion) == 0) {
            return false;
        }
        jdbc.update("delete from gf_promotion_assessment where user_id = ?", r.userId());
        for (Assessment a : r.assessments()) {
            jdbc.update("insert into gf_promotion_assessment (user_id, assess_year, grade) values (?, ?, ?)",
                    r.userId(), a.year(), a.grade());
        }
        return true;
    }

    /** The facts candidate-screening's eligibility decision reads, as of {@code today} for a round of {@code year}. */
    public static Map<String, Object> eligibilityFacts(HrRecord r, int year, LocalDate today) {
        List<String> lastTwo = r.assessments().stream().filter(a -> a.year() < year && a.year() >= year - 2)
                .map(Assessment::grade).toList();
        long excellent = r.assessments().stream().filter(a -> a.grade().equals("EXCELLENT")).count();
        return Map.of(
                "serviceYears", r.serviceYears().doubleValue(),
                "assessLast2", lastTwo,
                "belowCompetentLast2", lastTwo.stream().anyMatch(g -> g.equals("BASIC") || g.equals("INCOMPETENT")),
                "excellentCount", (int) excellent,
                "age", java.time.Period.between(r.birthDate(), today).getYears(),
                "educationRank", r.educationRank(),
                "disciplinaryActive", r.disciplinaryUntil() != null && r.disciplinaryUntil().isAfter(today),
                "employmentType", r.employmentType(),
                "performanceScore", r.performanceScore().doubleValue(),
                "commendationBonus", r.commendationBonus().doubleValue());
    }
}

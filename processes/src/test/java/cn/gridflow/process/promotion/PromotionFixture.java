package cn.gridflow.process.promotion;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;

/** In-memory stand-ins for what the backend provides to the promotion processes. */
final class PromotionFixture {

    private PromotionFixture() {
    }

    /** One applicant's personnel data, as collectHrData would read it from the HR records. */
    record Hr(double serviceYears, String assessLast2, int age, int educationRank, boolean disciplinaryActive,
              String employmentType, double performanceScore, double commendationBonus) {

        static Hr qualified() {
            return new Hr(5.0, "EXCELLENT,COMPETENT", 34, 3, false, "FULL_TIME_GRID", 80, 0);
        }

        int excellentCount() {
            return (int) List.of(assessLast2.split(",")).stream().filter("EXCELLENT"::equals).count();
        }

        boolean belowCompetentLast2() {
            return List.of(assessLast2.split(",")).stream().anyMatch(a -> a.equals("BASIC") || a.equals("INCOMPETENT"));
        }
    }

    record Entry(String applicantId, String status, Map<String, Object> facts) {
    }

    static class Ledger implements PromotionLedger {
        final Map<String, List<String>> applicants = new HashMap<>();
        final Map<String, String> communities = new HashMap<>();
        final List<Entry> entries = new ArrayList<>();
        final List<String> archived = new ArrayList<>();

        void apply(String roundKey, String applicantId, String communityId) {
            applicants.computeIfAbsent(roundKey, k -> new ArrayList<>()).add(applicantId);
            communities.put(applicantId, communityId);
        }

        @Override
        public List<String> applicants(String roundKey) {
            return applicants.getOrDefault(roundKey, List.of());
        }

        @Override
        public String communityOf(String applicantId) {
            return communities.get(applicantId);
        }

        @Override
        public void record(String roundKey, String applicantId, String status, Map<String, Object> facts) {
            entries.add(new Entry(applicantId, status, new LinkedHashMap<>(facts)));
        }

        @Override
        public void archive(String roundKey) {
            archived.add(roundKey);
        }

        List<String> statusesOf(String applicantId) {
            return entries.stream().filter(e -> e.applicantId().equals(applicantId)).map(Entry::status).toList();
        }

        String statusOf(String applicantId) {
            List<String> all = statusesOf(applicantId);
            return all.isEmpty() ? null : all.get(all.size() - 1);
        }

        /** What was reported when the applicant first reached that status. */
        Entry first(String applicantId, String status) {
            return entries.stream().filter(e -> e.applicantId().equals(applicantId) && e.status().equals(status))
                    .findFirst().orElseThrow();
        }
    }

    static JavaDelegate collectHrData(Map<String, Hr> records) {
        return execution -> {
            Hr hr = records.get((String) execution.getVariable("applicantId"));
            execution.setVariable("serviceYears", hr.serviceYears());
            execution.setVariable("assessLast2", hr.assessLast2());
            execution.setVariable("belowCompetentLast2", hr.belowCompetentLast2());
            execution.setVariable("excellentCount", hr.excellentCount());
            execution.setVariable("age", hr.age());
            execution.setVariable("educationRank", hr.educationRank());
            execution.setVariable("disciplinaryActive", hr.disciplinaryActive());
            execution.setVariable("employmentType", hr.employmentType());
            execution.setVariable("performanceScore", hr.performanceScore());
            execution.setVariable("commendationBonus", hr.commendationBonus());
        };
    }

    /** Monday to Friday, no holidays: enough to see that 公示 counts working days, not calendar days. */
    public static class WeekdayCalendar {
        public Date addWorkdays(Date from, int days) {
            ZonedDateTime at = from.toInstant().atZone(RoundSetup.ZONE);
            int left = days;
            while (left > 0) {
                at = at.plusDays(1);
                if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    left--;
                }
            }
            return Date.from(at.toInstant());
        }
    }
}

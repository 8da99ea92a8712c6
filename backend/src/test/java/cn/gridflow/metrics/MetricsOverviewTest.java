package cn.gridflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import cn.gridflow.support.AppClient;
import cn.gridflow.support.GridFlowTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every overview figure against a hand-computed expectation on a small fixed data set in March 2024 (away from
 * the demo's and other tests' events): SLA boundaries (signed and resolved exactly at the deadline = on time, one
 * minute after = late), a missed signing window, a breach that stays on record after a reopening, open events
 * past and before their deadline, a not-admitted event, one outside the range, and a war-mode period.
 * "Now" is 2024-03-21 12:00 on the engine clock.
 */
@GridFlowTest
class MetricsOverviewTest {

    static final String RANGE = "from=2024-03-01&to=2024-03-31";

    @LocalServerPort
    int port;

    @Autowired
    MetricsStore store;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void loadFixture() {
        ClockUtil.setCurrentTime(at(17, "12:00"));
        fixture().forEach(store::insertEvent);
    }

    @AfterEach
    void removeFixture() {
        // through the store, so the fixture's contribution leaves the daily aggregate too
        jdbc.queryForList("select proc_inst_id from gf_metric_event where proc_inst_id like 'metrics-fixture-%'",
                String.class).forEach(store::deleteEvent);
        ClockUtil.reset();
    }

    /** Day offsets from Monday 2024-03-04. */
    static Date at(int day, String time) {
        return Date.from(LocalDateTime.parse("2024-03-04T" + time).plusDays(day)
                .atZone(ZoneId.systemDefault()).toInstant());
    }

    private static EventFacts event(String id, String community, String grid, String dept, String category,
                                    String source, String mode, Date reported) {
        EventFacts f = new EventFacts("metrics-fixture-" + id, reported);
        f.businessKey = "MT-" + id;
        f.communityId = community;
        f.gridId = grid;
        f.leadDept = dept;
        f.category = category;
        f.source = source;
        f.cityMode = mode;
        return f;
    }

    private static void signed(EventFacts f, Date due, Date at) {
        f.activityStarted(EventFacts.SIGN_TASK, f.reportedAt);
        f.variable("signDueAt", due);
        if (at != null) {
            f.activityStarted(EventFacts.DEPT_HANDLE, at);
        }
    }

    private static void handled(EventFacts f, Date slaDue, Date resolved, Date closed) {
        f.variable("slaDueAt", slaDue);
        f.activityStarted(EventFacts.HANDLING, f.reportedAt);
        if (resolved != null) {
            f.activityEnded(EventFacts.HANDLING, resolved);
        }
        if (closed != null) {
            f.ended(closed);
        }
    }

    static List<EventFacts> fixture() {
        List<EventFacts> events = new ArrayList<>();
        // E1: signed and resolved exactly at their deadlines -> both on time; 7 d 1 h = 10140 min
        EventFacts e1 = event("E1", "C01", "G0101", "ENFORCE", "ENV_CLUTTER", "GRID_PATROL", "PEACE", at(0, "09:00"));
        signed(e1, at(1, "09:00"), at(1, "09:00"));
        handled(e1, at(7, "09:00"), at(7, "09:00"), at(7, "10:00"));
        e1.variable("satisfaction", "SATISFIED");
        events.add(e1);
        // E2: signed and resolved one minute late -> both late (no timer had fired yet); 10140 min
        EventFacts e2 = event("E2", "C01", "G0101", "ENFORCE", "ENV_CLUTTER", "RESIDENT_APP", "PEACE", at(0, "10:00"));
        signed(e2, at(1, "10:00"), at(1, "10:01"));
        handled(e2, at(7, "10:00"), at(7, "10:01"), at(7, "11:00"));
        e2.variable("satisfaction", "BASIC");
        events.add(e2);
        // E3: a signing window ran out before the (in-window) signature; breached, reopened, explained; 8 d
        EventFacts e3 = event("E3", "C01", "G0102", "MARKET", "FOOD", "HOTLINE_12345", "PEACE", at(1, "09:00"));
        e3.activityStarted(EventFacts.SIGN_OVERDUE, at(2, "09:00"));
        signed(e3, at(2, "10:00"), at(2, "09:30"));
        e3.variable("slaBreached", true);
        e3.variable("reopenCount", 1);
        handled(e3, at(8, "09:00"), at(7, "09:00"), at(9, "09:00"));
        e3.variable("satisfaction", "DISSATISFIED");
        e3.variable("closeType", "CLOSED_EXPLAINED");
        events.add(e3);
        // E4: resolved in the grid within the day, no signing step, no rating (patrol); 180 min
        EventFacts e4 = event("E4", "C01", "G0101", null, "ENV_CLUTTER", "GRID_PATROL", "PEACE", at(2, "09:00"));
        handled(e4, at(3, "09:00"), at(2, "12:00"), at(2, "12:00"));
        events.add(e4);
        // E5, E6: war mode. E5 on time throughout (60 min); E6 signed late and breached (90 min)
        EventFacts e5 = event("E5", "C02", "G0201", "EMERGENCY_MGMT", "SAFETY_HAZARD", "IOT_ALERT", "WAR", at(3, "20:00"));
        signed(e5, at(3, "20:05"), at(3, "20:03"));
        handled(e5, at(3, "21:00"), at(3, "20:50"), at(3, "21:00"));
        events.add(e5);
        EventFacts e6 = event("E6", "C02", "G0202", "EMERGENCY_MGMT", "SAFETY_HAZARD", "GRID_PATROL", "WAR", at(4, "08:00"));
        signed(e6, at(4, "08:05"), at(4, "08:10"));
        e6.variable("slaBreached", true);
        handled(e6, at(4, "09:00"), at(4, "09:30"), at(4, "09:30"));
        events.add(e6);
        // E7: open, never signed, signing deadline and SLA both past -> sign late and overdue now
        EventFacts e7 = event("E7", "C02", "G0201", "HOUSING", "DANGEROUS_HOUSE", "RESIDENT_APP", "PEACE", at(7, "09:00"));
        signed(e7, at(8, "09:00"), null);
        handled(e7, at(14, "09:00"), null, null);
        events.add(e7);
        // E8: open, signed in time, SLA not yet due
        EventFacts e8 = event("E8", "C01", "G0102", "ENFORCE", "FACILITY_DAMAGE", "RESIDENT_APP", "PEACE", at(14, "09:00"));
        signed(e8, at(15, "09:00"), at(14, "10:00"));
        handled(e8, at(21, "09:00"), null, null);
        events.add(e8);
        // E9: open in the community, past its SLA -> overdue now
        EventFacts e9 = event("E9", "C01", "G0101", null, "DISPUTE", "GRID_PATROL", "PEACE", at(15, "09:00"));
        handled(e9, at(16, "09:00"), null, null);
        events.add(e9);
        // E10: not admitted -> in no figure
        EventFacts e10 = event("E10", "C02", "G0202", "MARKET", "MARKET_ORDER", "RESIDENT_APP", "PEACE", at(15, "09:00"));
        e10.variable("admitted", false);
        e10.variable("closeType", "NOT_ADMITTED");
        e10.ended(at(15, "09:01"));
        events.add(e10);
        // E11: reported before the range
        EventFacts e11 = event("E11", "C01", "G0101", "ENFORCE", "ENV_CLUTTER", "GRID_PATROL", "PEACE", at(-20, "09:00"));
        handled(e11, at(-19, "09:00"), at(-19, "08:00"), at(-19, "08:00"));
        events.add(e11);
        return events;
    }

    private static void rate(JsonNode rate, long numerator, long denominator) {
        assertThat(rate.path("numerator").asLong()).as("numerator of %s", rate).isEqualTo(numerator);
        assertThat(rate.path("denominator").asLong()).as("denominator of %s", rate).isEqualTo(denominator);
    }

    private List<String> keys(AppClient user, String query) {
        AppClient.Reply reply = user.get("/api/metrics/events?" + RANGE + "&size=50&" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        reply.json().path("items").forEach(item -> keys.add(item.path("businessKey").asText()));
        assertThat(reply.json().path("total").asLong()).isEqualTo(keys.size());
        return keys;
    }

    @Test
    void theDailyAggregateKeptEventByEventEqualsItsRebuildFromTheEvents() {
        String order = "grain, stat_day, community_id, grid_id, lead_dept, category, source, city_mode";
        List<java.util.Map<String, Object>> live = jdbc.queryForList("select * from gf_metric_daily order by " + order);
        // the fixture's cells as a hand count: E1 and E2 share one department cell of 2024-03-04, E10 is in none
        java.util.Map<String, Object> e1e2 = jdbc.queryForMap("select * from gf_metric_daily where grain = 'D'"
                + " and stat_day = ? and lead_dept = 'ENFORCE' and city_mode = 'PEACE'",
                java.sql.Date.valueOf("2024-03-04"));
        assertThat(((Number) e1e2.get("TOTAL")).longValue()).isEqualTo(2);
        assertThat(((Number) e1e2.get("SIGN_SETTLED")).longValue()).isEqualTo(2);
        assertThat(((Number) e1e2.get("SIGNED_IN_TIME")).longValue()).isEqualTo(1);
        assertThat(((Number) e1e2.get("CLOSED_IN_TIME")).longValue()).isEqualTo(1);
        assertThat(((Number) e1e2.get("HANDLING_MS_SUM")).longValue()).isEqualTo(2 * 10140 * 60_000L);
        assertThat(((Number) e1e2.get("H" + String.format("%02d", DailyCell.bucket(10140))))
                .longValue()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from gf_metric_daily where stat_day = ?"
                + " and lead_dept = 'MARKET'", Long.class, java.sql.Date.valueOf("2024-03-19"))).isZero();
        // the grid grain: E1 and E2 share 2024-03-04 in G0101 (with its community), one of them on time
        java.util.Map<String, Object> grid = jdbc.queryForMap("select * from gf_metric_daily where grain = 'G'"
                + " and stat_day = ? and community_id = 'C01' and grid_id = 'G0101' and city_mode = 'PEACE'",
                java.sql.Date.valueOf("2024-03-04"));
        assertThat(((Number) grid.get("TOTAL")).longValue()).isEqualTo(2);
        assertThat(((Number) grid.get("CLOSED_IN_TIME")).longValue()).isEqualTo(1);
        assertThat(grid.get("LEAD_DEPT")).isEqualTo("");
        assertThat(grid.get("CATEGORY")).isEqualTo("");
        // the category x source grain: the same two events, apart by source, without community or grid
        assertThat(jdbc.queryForList("select concat(source, '=', total) from gf_metric_daily where grain = 'K'"
                + " and stat_day = ? and category = 'ENV_CLUTTER' and community_id = '' and grid_id = ''"
                + " and lead_dept = '' order by source", String.class, java.sql.Date.valueOf("2024-03-04")))
                .containsExactly("GRID_PATROL=1", "RESIDENT_APP=1");
        // the department x category x source grain: E1 and E2 again, the department kept
        assertThat(jdbc.queryForList("select concat(source, '=', total) from gf_metric_daily where grain = 'X'"
                + " and stat_day = ? and lead_dept = 'ENFORCE' and category = 'ENV_CLUTTER' and community_id = ''"
                + " and grid_id = '' order by source", String.class, java.sql.Date.valueOf("2024-03-04")))
                .containsExactly("GRID_PATROL=1", "RESIDENT_APP=1");
        // every grain adds up to the same totals
        List<String> totals = jdbc.queryForList("select concat(sum(total), '/', sum(closed_count), '/',"
                + " sum(sign_settled), '/', sum(handling_ms_sum), '/', sum(h12)) from gf_metric_daily"
                + " group by grain order by grain", String.class);
        assertThat(totals).hasSize(DailyCell.Grain.values().length).containsOnly(totals.get(0));

        // V65 fills the grid and category grains of an existing database by rolling up F: the cells kept live
        jdbc.update("delete from gf_metric_daily where grain in ('G', 'K')");
        new org.springframework.jdbc.datasource.init.ResourceDatabasePopulator(new org.springframework.core.io
                .ClassPathResource("db/migration/V65__metrics_daily_grid_and_category_grains.sql"))
                .execute(jdbc.getDataSource());
        assertThat(jdbc.queryForList("select * from gf_metric_daily order by " + order)).isEqualTo(live);
        // and V67 the department x category x source grain
        jdbc.update("delete from gf_metric_daily where grain = 'X'");
        new org.springframework.jdbc.datasource.init.ResourceDatabasePopulator(new org.springframework.core.io
                .ClassPathResource("db/migration/V67__metrics_daily_department_category_source_grain.sql"))
                .execute(jdbc.getDataSource());
        assertThat(jdbc.queryForList("select * from gf_metric_daily order by " + order)).isEqualTo(live);

        store.rebuildDaily();
        List<java.util.Map<String, Object>> rebuilt =
                jdbc.queryForList("select * from gf_metric_daily order by " + order);
        assertThat(rebuilt).isEqualTo(live);
    }

    @Test
    void theCityOverviewMatchesTheHandCount() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        AppClient.Reply reply = manager.get("/api/metrics/overview?" + RANGE);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode o = reply.json();
        assertThat(o.path("total").asLong()).isEqualTo(9);
        assertThat(o.path("open").asLong()).isEqualTo(3);
        assertThat(o.path("closed").asLong()).isEqualTo(6);
        rate(o.path("responseRate"), 3, 7);
        rate(o.path("onTimeRate"), 3, 6);
        rate(o.path("satisfactionRate"), 2, 3);
        rate(o.path("reopenRate"), 1, 6);
        assertThat(o.path("avgHandlingMinutes").asDouble()).isCloseTo(5355.0, within(0.001));
        assertThat(o.path("p90HandlingMinutes").asLong()).isEqualTo(11520);
        assertThat(o.path("overdue").asLong()).isEqualTo(2);
    }

    @Test
    void everyFigureListsTheEventsItCounts() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        assertThat(keys(manager, "figure=signedInTime")).containsExactlyInAnyOrder("MT-E1", "MT-E5", "MT-E8");
        assertThat(keys(manager, "figure=signLate")).containsExactlyInAnyOrder("MT-E2", "MT-E3", "MT-E6", "MT-E7");
        assertThat(keys(manager, "figure=signDue")).hasSize(7);
        assertThat(keys(manager, "figure=closedInTime")).containsExactlyInAnyOrder("MT-E1", "MT-E4", "MT-E5");
        assertThat(keys(manager, "figure=closedLate")).containsExactlyInAnyOrder("MT-E2", "MT-E3", "MT-E6");
        assertThat(keys(manager, "figure=satisfied")).containsExactlyInAnyOrder("MT-E1", "MT-E2");
        assertThat(keys(manager, "figure=reopened")).containsExactly("MT-E3");
        assertThat(keys(manager, "figure=overdue")).containsExactlyInAnyOrder("MT-E7", "MT-E9");
        assertThat(keys(manager, "figure=open")).containsExactly("MT-E9", "MT-E8", "MT-E7");
        assertThat(keys(manager, "figure=closed&mode=WAR")).containsExactlyInAnyOrder("MT-E5", "MT-E6");
    }

    @Test
    void theWarModePeriodHasItsOwnFigures() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        JsonNode o = manager.get("/api/metrics/overview?" + RANGE + "&mode=WAR").json();
        assertThat(o.path("total").asLong()).isEqualTo(2);
        rate(o.path("responseRate"), 1, 2);
        rate(o.path("onTimeRate"), 1, 2);
        rate(o.path("satisfactionRate"), 0, 0);
        assertThat(o.path("satisfactionRate").path("rate").isNull()).isTrue();
        assertThat(o.path("avgHandlingMinutes").asDouble()).isCloseTo(75.0, within(0.001));
        assertThat(o.path("p90HandlingMinutes").asLong()).isEqualTo(90);
        assertThat(o.path("overdue").asLong()).isZero();
    }

    @Test
    void filtersNarrowTheFigures() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        assertThat(manager.get("/api/metrics/overview?" + RANGE + "&gridId=G0101").json().path("total").asLong())
                .isEqualTo(4);
        assertThat(manager.get("/api/metrics/overview?" + RANGE + "&departmentId=ENFORCE").json().path("total")
                .asLong()).isEqualTo(3);
        assertThat(manager.get("/api/metrics/overview?" + RANGE + "&category=SAFETY_HAZARD").json().path("total")
                .asLong()).isEqualTo(2);
        assertThat(manager.get("/api/metrics/overview?" + RANGE + "&source=RESIDENT_APP").json().path("total")
                .asLong()).isEqualTo(3);
        // two dimensions at once: category and source share a grain, grid and category fall to the finest one
        assertThat(manager.get("/api/metrics/overview?" + RANGE + "&category=ENV_CLUTTER&source=GRID_PATROL").json()
                .path("total").asLong()).isEqualTo(2);
        assertThat(manager.get("/api/metrics/overview?" + RANGE + "&gridId=G0101&category=ENV_CLUTTER").json()
                .path("total").asLong()).isEqualTo(3);
        // a department with a category or a source (grain X): E1 on time, E2 late; E2 and E8 by app
        JsonNode enforceClutter = manager.get("/api/metrics/overview?" + RANGE
                + "&departmentId=ENFORCE&category=ENV_CLUTTER").json();
        assertThat(enforceClutter.path("total").asLong()).isEqualTo(2);
        rate(enforceClutter.path("onTimeRate"), 1, 2);
        assertThat(manager.get("/api/metrics/overview?" + RANGE + "&departmentId=ENFORCE&source=RESIDENT_APP")
                .json().path("total").asLong()).isEqualTo(2);
        // a community with a department or a category (grain F through its community index): E1, E2, E8; E5, E6
        assertThat(manager.get("/api/metrics/overview?" + RANGE + "&communityId=C01&departmentId=ENFORCE").json()
                .path("total").asLong()).isEqualTo(3);
        JsonNode c02Safety = manager.get("/api/metrics/overview?" + RANGE + "&communityId=C02&category=SAFETY_HAZARD")
                .json();
        assertThat(c02Safety.path("total").asLong()).isEqualTo(2);
        assertThat(c02Safety.path("p90HandlingMinutes").isNull()).isFalse();
        JsonNode grid = manager.get("/api/metrics/overview?" + RANGE + "&gridId=G0202").json();
        assertThat(grid.path("total").asLong()).as("E6 only; E10 was not admitted").isEqualTo(1);
        assertThat(grid.path("p90HandlingMinutes").asLong()).isEqualTo(90);
        JsonNode hotline = manager.get("/api/metrics/overview?" + RANGE + "&source=HOTLINE_12345").json();
        rate(hotline.path("reopenRate"), 1, 1);
        assertThat(hotline.path("p90HandlingMinutes").asLong()).isEqualTo(11520);
        JsonNode firstWeek = manager.get("/api/metrics/overview?from=2024-03-04&to=2024-03-08").json();
        assertThat(firstWeek.path("total").asLong()).isEqualTo(6);
        assertThat(firstWeek.path("p90HandlingMinutes").asLong()).isEqualTo(11520);
        // E11 alone: before the March range
        assertThat(manager.get("/api/metrics/overview?from=2024-02-01&to=2024-02-29").json().path("closed")
                .asLong()).isEqualTo(1);
    }

    @Test
    void trendsAddUpPerDayWeekAndMonth() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        JsonNode weeks = manager.get("/api/metrics/trend?" + RANGE + "&period=week").json();
        assertThat(weeks.findValuesAsText("period")).containsExactly("2024-03-04", "2024-03-11", "2024-03-18");
        assertThat(weeks.get(0).path("reported").asLong()).isEqualTo(6);
        assertThat(weeks.get(0).path("closed").asLong()).isEqualTo(6);
        rate(weeks.get(0).path("onTimeRate"), 3, 6);
        assertThat(weeks.get(1).path("reported").asLong()).isEqualTo(1);
        assertThat(weeks.get(2).path("reported").asLong()).isEqualTo(2);
        JsonNode months = manager.get("/api/metrics/trend?" + RANGE + "&period=month").json();
        assertThat(months).hasSize(1);
        assertThat(months.get(0).path("period").asText()).isEqualTo("2024-03");
        assertThat(months.get(0).path("reported").asLong()).isEqualTo(9);
        JsonNode days = manager.get("/api/metrics/trend?" + RANGE + "&period=day").json();
        assertThat(days.findValuesAsText("period")).containsExactly("2024-03-04", "2024-03-05", "2024-03-06",
                "2024-03-07", "2024-03-08", "2024-03-11", "2024-03-18", "2024-03-19");
    }

    @Test
    void aCommunityHeadSeesTheirCommunityOnly() {
        AppClient head = AppClient.login(port, "chead01", "demo");
        JsonNode o = head.get("/api/metrics/overview?" + RANGE).json();
        assertThat(o.path("total").asLong()).isEqualTo(6);
        assertThat(o.path("closed").asLong()).isEqualTo(4);
        rate(o.path("onTimeRate"), 2, 4);
        assertThat(keys(head, "figure=overdue")).containsExactly("MT-E9");
        // a grid of their community, read from the grid grain within the head's scope
        assertThat(head.get("/api/metrics/overview?" + RANGE + "&gridId=G0102").json().path("total").asLong())
                .isEqualTo(2);
        // a category within the head's community (grain F through the community index): E1, E2, E4
        assertThat(head.get("/api/metrics/overview?" + RANGE + "&category=ENV_CLUTTER").json().path("total")
                .asLong()).isEqualTo(3);
        AppClient.Reply other = head.get("/api/metrics/overview?" + RANGE + "&communityId=C02");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.text("message")).isEqualTo("只能查看本社区或本部门的数据。");

        AppClient leader = AppClient.login(port, "enforcelead", "demo");
        assertThat(leader.get("/api/metrics/overview?" + RANGE).json().path("total").asLong()).isEqualTo(3);

        AppClient.Reply worker = AppClient.login(port, "grid0101", "demo").get("/api/metrics/overview?" + RANGE);
        assertThat(worker.status()).isEqualTo(403);
    }

    @Test
    void theTwoWayAssessmentPerDepartmentAndCommunity() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        JsonNode depts = manager.get("/api/metrics/assessment?" + RANGE + "&by=department").json();
        assertThat(depts.findValuesAsText("id")).containsExactly("ENFORCE", "EMERGENCY_MGMT", "MARKET", "HOUSING");
        JsonNode enforce = depts.get(0);
        assertThat(enforce.path("name").asText()).isEqualTo("综合行政执法局");
        assertThat(enforce.path("total").asLong()).isEqualTo(3);
        rate(enforce.path("closureRate"), 2, 3);
        rate(enforce.path("responseRate"), 2, 3);
        rate(enforce.path("onTimeRate"), 1, 2);
        rate(enforce.path("satisfactionRate"), 2, 2);
        JsonNode housing = depts.get(3);
        rate(housing.path("closureRate"), 0, 1);
        assertThat(housing.path("overdue").asLong()).isEqualTo(1);

        JsonNode communities = manager.get("/api/metrics/assessment?" + RANGE + "&by=community").json();
        assertThat(communities.findValuesAsText("id")).containsExactly("C01", "C02");
        rate(communities.get(0).path("closureRate"), 4, 6);
        rate(communities.get(0).path("onTimeRate"), 2, 4);
        rate(communities.get(0).path("satisfactionRate"), 2, 3);
        rate(communities.get(1).path("onTimeRate"), 1, 2);
        assertThat(communities.get(1).path("overdue").asLong()).isEqualTo(1);
    }

    @Test
    void theAssessmentExportsAsCsvThatExcelReadsInChinese() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        AppClient.Reply csv = manager.get("/api/metrics/assessment.csv?" + RANGE + "&by=department");
        assertThat(csv.status()).isEqualTo(200);
        byte[] bytes = csv.body().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes[0]).isEqualTo((byte) 0xEF);
        assertThat(bytes[1]).isEqualTo((byte) 0xBB);
        assertThat(bytes[2]).isEqualTo((byte) 0xBF);
        String[] lines = csv.body().substring(1).split("\r\n");
        assertThat(lines[0]).isEqualTo("部门,编码,事件数,已办结,办结率,响应率,按时办结率,满意率,重办率,当前超期");
        assertThat(lines[1]).isEqualTo("综合行政执法局,ENFORCE,3,2,66.7%,66.7%,50.0%,100.0%,0.0%,0");
        assertThat(lines).hasSize(5);

        String english = manager.get("/api/metrics/assessment.csv?" + RANGE + "&by=community&lang=en").body();
        assertThat(english.substring(1).split("\r\n")[0]).startsWith("Community,Code,Events,Closed,Closure rate");
    }

    @Test
    void badFiltersAreRefusedWithAMessage() {
        AppClient manager = AppClient.login(port, "manager", "demo");
        AppClient.Reply mode = manager.get("/api/metrics/overview?mode=TYPHOON");
        assertThat(mode.status()).isEqualTo(400);
        assertThat(mode.text("message")).isEqualTo("未知的平战状态 \"TYPHOON\"：请使用 PEACE 或 WAR。");
        AppClient.Reply range = manager.inEnglish().get("/api/metrics/overview?from=2024-03-10&to=2024-03-01");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.text("message")).isEqualTo("The start date 2024-03-10 is after the end date 2024-03-01.");
        assertThat(manager.get("/api/metrics/overview?from=yesterday").status()).isEqualTo(400);
        assertThat(manager.get("/api/metrics/events?figure=everything").status()).isEqualTo(400);
        assertThat(manager.get("/api/metrics/trend?period=year").status()).isEqualTo(400);
        assertThat(manager.get("/api/metrics/assessment?by=grid").status()).isEqualTo(400);
        assertThat(manager.get("/api/metrics/events?size=0").status()).isEqualTo(400);
    }
}

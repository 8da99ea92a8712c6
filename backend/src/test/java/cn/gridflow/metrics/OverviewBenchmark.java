package cn.gridflow.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark, not a test (surefire does not pick it up by name): loads 1,000,000 completed grid events into the
 * metrics read model (and its daily aggregate) and prints how long the overview takes, on H2 and on MariaDB/MySQL. Nothing here asserts a
 * time. Run it with (see README, "Benchmarks"):
 * <pre>
 * ./mvnw -B -q -pl processes,frontend,backend test -Dskip.npm -Dtest=OverviewBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.db=h2|mariadb|both] [-Dbench.events=1000000]
 * </pre>
 * MariaDB: 127.0.0.1:3306, user root, empty password (-Dbench.mariadb.url / .user / .password to change), database
 * {@code gridflow_metrics_bench}, dropped and recreated on every run.
 */
class OverviewBenchmark {

    static final String DB = System.getProperty("bench.db", "both");
    static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    static final String MARIADB_SERVER = System.getProperty("bench.mariadb.url",
            "jdbc:mysql://127.0.0.1:3306/");
    static final String MARIADB_OPTIONS = "?sendFractionalSeconds=false&nullDatabaseMeansCurrent=true&useSSL=false"
            + "&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&characterEncoding=UTF-8";
    static final String MARIADB_USER = System.getProperty("bench.mariadb.user", "root");
    static final String MARIADB_PASSWORD = System.getProperty("bench.mariadb.password", "");
    static final String BENCH_DATABASE = "gridflow_metrics_bench";
    /** Time the overview again on the database a previous run loaded, without dropping or loading anything. */
    static final boolean REUSE = Boolean.getBoolean("bench.reuse");
    /** With bench.reuse: build the daily aggregate again from the loaded events first (H2 needs a large heap). */
    static final boolean REAGGREGATE = Boolean.getBoolean("bench.reaggregate");
    static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 27);
    static final int DAYS = 365;

    /** The same as a plain program, so it can run outside Maven with the test classpath. */
    public static void main(String[] args) throws Exception {
        new OverviewBenchmark().overviewOverAMillionCompletedEvents();
    }

    @Test
    void overviewOverAMillionCompletedEvents() throws Exception {
        if (DB.equals("h2") || DB.equals("both")) {
            Path dir = Path.of("target", "bench-h2");
            if (!REUSE) {
                FileSystemUtils.deleteRecursively(dir);
            }
            run("H2", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("metrics") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        }
        if (DB.equals("mariadb") || DB.equals("both")) {
            try (Connection c = DriverManager.getConnection(MARIADB_SERVER + MARIADB_OPTIONS, MARIADB_USER,
                    MARIADB_PASSWORD); Statement s = c.createStatement()) {
                if (REUSE) {
                    s.execute("create database if not exists " + BENCH_DATABASE + " character set utf8mb4");
                } else {
                    s.execute("drop database if exists " + BENCH_DATABASE);
                    s.execute("create database " + BENCH_DATABASE + " character set utf8mb4");
                }
            }
            run("MariaDB " + MARIADB_SERVER, MARIADB_SERVER + BENCH_DATABASE + MARIADB_OPTIONS, MARIADB_USER,
                    MARIADB_PASSWORD);
        }
    }

    private void run(String name, String url, String user, String password) {
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(url);
            ds.setUsername(user);
            ds.setPassword(password);
            ds.setMaximumPoolSize(2);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            MetricsStore store = new MetricsStore(jdbc);

            if (!REUSE) {
                loadAndAggregate(name, jdbc, store);
            } else if (REAGGREGATE) {
                long start = System.nanoTime();
                store.rebuildDaily();
                System.out.printf("[%s] built the daily aggregate in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
            }

            OverviewQuery query = new OverviewQuery(new NamedParameterJdbcTemplate(ds));
            MetricsScope city = new MetricsScope(true, List.of(), List.of());
            MetricsScope community = new MetricsScope(false, List.of("C07"), List.of());
            Date now = Date.from(LAST_DAY.atTime(18, 0).atZone(ZoneId.systemDefault()).toInstant());
            OverviewQuery.Overview all = time(name, String.format("city, whole year (%,d events)", EVENTS), query, city,
                    filter(LAST_DAY.minusDays(DAYS - 1), null, null), now);
            assertThat(all.total()).isEqualTo(EVENTS);
            time(name, "city, last 30 days", query, city, filter(LAST_DAY.minusDays(29), null, null), now);
            time(name, "one community (its head), whole year", query, community,
                    filter(LAST_DAY.minusDays(DAYS - 1), null, null), now);
            time(name, "city, last 30 days, war mode only", query, city,
                    filter(LAST_DAY.minusDays(29), null, "WAR"), now);
            time(name, "city, whole year, one department", query, city,
                    filter(LAST_DAY.minusDays(DAYS - 1), "MARKET", null), now);
            // grid, category and source filters: the grain the query chooses (G or K) against the finest grain F
            // they read before (as many cells as events here: the generator draws every dimension independently,
            // ~30,000 combinations a day for ~2,700 events), on the same data in the same run
            MetricsFilter category = MetricsFilter.parse(LAST_DAY.minusDays(DAYS - 1).toString(),
                    LAST_DAY.toString(), null, null, null, "FOOD", null, null, LAST_DAY);
            MetricsFilter source = MetricsFilter.parse(LAST_DAY.minusDays(DAYS - 1).toString(), LAST_DAY.toString(),
                    null, null, null, null, "HOTLINE_12345", null, LAST_DAY);
            MetricsFilter gridYear = MetricsFilter.parse(LAST_DAY.minusDays(DAYS - 1).toString(),
                    LAST_DAY.toString(), null, "G0702", null, null, null, null, LAST_DAY);
            MetricsFilter grid30 = MetricsFilter.parse(LAST_DAY.minusDays(29).toString(), LAST_DAY.toString(), null,
                    "G0702", null, null, null, null, LAST_DAY);
            MetricsFilter categoryAndDept = MetricsFilter.parse(LAST_DAY.minusDays(DAYS - 1).toString(),
                    LAST_DAY.toString(), null, null, "MARKET", "FOOD", null, null, LAST_DAY);
            MetricsFilter categoryAndDept30 = MetricsFilter.parse(LAST_DAY.minusDays(29).toString(),
                    LAST_DAY.toString(), null, null, "MARKET", "FOOD", null, null, LAST_DAY);
            MetricsFilter deptYear = filter(LAST_DAY.minusDays(DAYS - 1), "MARKET", null);
            MetricsFilter gridAndDept = MetricsFilter.parse(LAST_DAY.minusDays(DAYS - 1).toString(),
                    LAST_DAY.toString(), null, "G0702", "MARKET", null, null, null, LAST_DAY);
            MetricsFilter deptAndSource = MetricsFilter.parse(LAST_DAY.minusDays(DAYS - 1).toString(),
                    LAST_DAY.toString(), null, null, "MARKET", null, "HOTLINE_12345", null, LAST_DAY);
            MetricsFilter categorySourceDeptWar = MetricsFilter.parse(LAST_DAY.minusDays(DAYS - 1).toString(),
                    LAST_DAY.toString(), null, null, "MARKET", "FOOD", "HOTLINE_12345", "WAR", LAST_DAY);
            for (Object[] c : new Object[][] {{"city, whole year, one category", city, category},
                    {"city, whole year, one source", city, source},
                    {"city, whole year, one grid", city, gridYear},
                    {"city, last 30 days, one grid", city, grid30},
                    {"one community (head), whole year, one grid", community, gridYear},
                    {"city, whole year, one category + one dept", city, categoryAndDept},
                    // combined filters: the finest grain F, found through its secondary indexes (V66)
                    {"city, last 30 days, one category + one dept", city, categoryAndDept30},
                    {"one community (head), whole year, one category", community, category},
                    {"one community (head), whole year, one dept", community, deptYear},
                    {"one community (head), whole year, one source", community, source},
                    {"city, whole year, one grid + one dept", city, gridAndDept},
                    {"city, whole year, one dept + one source", city, deptAndSource},
                    {"city, year, category + source + dept, war", city, categorySourceDeptWar}}) {
                MetricsScope scope = (MetricsScope) c[1];
                MetricsFilter f = (MetricsFilter) c[2];
                OverviewQuery.Overview chosen = time(name, (String) c[0], query, scope, f, null, now);
                if (f.grain(scope, null) != DailyCell.Grain.F) {
                    OverviewQuery.Overview finest = time(name, (String) c[0], query, scope, f, DailyCell.Grain.F,
                            now);
                    assertThat(chosen).isEqualTo(finest);
                }
            }
            writeCost(name, ds, store);
        }
    }

    /**
     * What keeping the aggregate costs a change of an event (the projector's work in the engine's transaction):
     * a transaction that locks the event row and changes it and back (half its time is one change), once with a
     * change the aggregate does not see (the row alone) and once with a rating that moves the event between
     * counters (the row and its cell in every grain). The sides alternate; the data stays as loaded.
     */
    private void writeCost(String name, HikariDataSource ds, MetricsStore store) {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        int changes = Integer.getInteger("bench.changes", 2_000);
        Random random = new Random(7);
        long rowOnly = 0;
        long withCells = 0;
        for (int i = 0; i < changes; i++) {
            String id = "bench-" + random.nextInt(EVENTS);
            long start = System.nanoTime();
            tx.executeWithoutResult(s -> {
                EventFacts f = store.lockEvent(id);
                String was = f.businessKey;
                f.businessKey = was + "*";
                store.updateEvent(f);
                f.businessKey = was;
                store.updateEvent(f);
            });
            long middle = System.nanoTime();
            tx.executeWithoutResult(s -> {
                EventFacts f = store.lockEvent(id);
                String was = f.satisfaction;
                f.satisfaction = "DISSATISFIED".equals(was) ? "SATISFIED" : "DISSATISFIED";
                store.updateEvent(f);
                f.satisfaction = was;
                store.updateEvent(f);
            });
            rowOnly += (middle - start) / 2;
            withCells += (System.nanoTime() - middle) / 2;
        }
        System.out.printf("[%s] write cost per event change over %,d changes: row alone %.2f ms, row + %d aggregate"
                + " cells %.2f ms (x%.1f)%n", name, changes, rowOnly / 1e6 / changes, DailyCell.Grain.values().length,
                withCells / 1e6 / changes, (double) withCells / rowOnly);
    }

    private void loadAndAggregate(String name, JdbcTemplate jdbc, MetricsStore store) {
        long loadStart = System.nanoTime();
        load(store);
        System.out.printf("%n[%s] loaded %,d completed events in %.1f s%n", name, EVENTS,
                (System.nanoTime() - loadStart) / 1e9);
        long aggregateStart = System.nanoTime();
        store.rebuildDaily();
        if (name.startsWith("MariaDB")) {
            jdbc.execute("analyze table gf_metric_event");
            jdbc.execute("analyze table gf_metric_daily");
        }
        System.out.printf("[%s] built the daily aggregate in %.1f s: %s%n", name,
                (System.nanoTime() - aggregateStart) / 1e9, jdbc.queryForList(
                        "select grain, count(*) cells from gf_metric_daily group by grain order by grain"));
    }

    private static MetricsFilter filter(LocalDate from, String department, String mode) {
        return MetricsFilter.parse(from.toString(), LAST_DAY.toString(), null, null, department, null, null, mode,
                LAST_DAY);
    }

    private static OverviewQuery.Overview time(String db, String what, OverviewQuery query, MetricsScope scope,
                                               MetricsFilter filter, Date now) {
        return time(db, what, query, scope, filter, null, now);
    }

    /** Times the overview from {@code grain}, or from the grain the query chooses when null. */
    private static OverviewQuery.Overview time(String db, String what, OverviewQuery query, MetricsScope scope,
                                               MetricsFilter filter, DailyCell.Grain grain, Date now) {
        DailyCell.Grain used = grain == null ? filter.grain(scope, null) : grain;
        OverviewQuery.Overview result = null;
        for (int i = 0; i < 2; i++) {
            result = query.overview(scope, filter, used, now);
        }
        long[] ms = new long[7];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            result = query.overview(scope, filter, used, now);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("[%s] overview %-44s grain %s%s median %5d ms, max %5d ms  (%,d events, on time %s,"
                + " p90 %d min)%n", db, what, used, grain == null ? " (chosen)" : " (forced)", ms[ms.length / 2],
                ms[ms.length - 1], result.total(),
                result.onTimeRate().rate() == null ? "-" : String.format("%.1f%%", result.onTimeRate().rate() * 100),
                result.p90HandlingMinutes());
        return result;
    }

    /** Completed events spread over a year, 20 communities x 4 grids, 5 departments; ~10% in war mode. */
    private static void load(MetricsStore store) {
        Random random = new Random(42);
        String[] depts = {"ENFORCE", "EMERGENCY_MGMT", "MARKET", "HOUSING", "GOVERNANCE"};
        String[] categories = {"SAFETY_HAZARD", "DANGEROUS_HOUSE", "DISPUTE", "ENV_CLUTTER", "FACILITY_DAMAGE",
                "FOOD", "MARKET_ORDER", "SPECIAL_CARE"};
        String[] sources = {"GRID_PATROL", "RESIDENT_APP", "HOTLINE_12345", "IOT_ALERT"};
        String[] ratings = {"SATISFIED", "SATISFIED", "SATISFIED", "BASIC", "DISSATISFIED", "NO_RESPONSE"};
        LocalDateTime first = LAST_DAY.minusDays(DAYS - 1).atTime(0, 0);
        List<EventFacts> batch = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            LocalDateTime reportedAt = first.plusMinutes(random.nextInt(DAYS * 24 * 60 - 60 * 24));
            Date reported = date(reportedAt);
            EventFacts f = new EventFacts("bench-" + i, reported);
            f.businessKey = "EV-BENCH-" + i;
            int community = random.nextInt(20) + 1;
            f.communityId = String.format("C%02d", community);
            f.gridId = String.format("G%02d%02d", community, random.nextInt(4) + 1);
            f.category = categories[random.nextInt(categories.length)];
            f.source = sources[random.nextInt(sources.length)];
            f.cityMode = random.nextInt(10) == 0 ? "WAR" : "PEACE";
            f.urgency = "ROUTINE";
            boolean dept = random.nextInt(3) > 0;
            f.handlingLevel = dept ? "DEPT" : "GRID";
            int slaMinutes = f.cityMode.equals("WAR") ? 12 * 60 : 5 * 24 * 60;
            f.variable("slaDueAt", date(reportedAt.plusMinutes(slaMinutes)));
            if (dept) {
                f.leadDept = depts[random.nextInt(depts.length)];
                f.activityStarted(EventFacts.SIGN_TASK, reported);
                f.variable("signDueAt", date(reportedAt.plusHours(24)));
                f.activityStarted(EventFacts.DEPT_HANDLE, date(reportedAt.plusMinutes(random.nextInt(30 * 60))));
            }
            f.activityStarted(EventFacts.HANDLING, reported);
            LocalDateTime resolved = reportedAt.plusMinutes((long) (slaMinutes * Math.exp(random.nextGaussian() * 0.6) * 0.6));
            f.activityEnded(EventFacts.HANDLING, date(resolved));
            f.ended(date(resolved.plusMinutes(random.nextInt(3 * 24 * 60))));
            f.variable("satisfaction", f.source.equals("GRID_PATROL") ? null : ratings[random.nextInt(ratings.length)]);
            f.variable("reopenCount", random.nextInt(50) == 0 ? 1 : 0);
            f.variable("closeType", dept ? "CLOSED_RESOLVED" : "CLOSED_SELF_RESOLVED");
            batch.add(f);
            if (batch.size() == 5_000) {
                store.insertEvents(batch);
                batch.clear();
                if ((i + 1) % 100_000 == 0) {
                    System.out.printf("  %,d events loaded%n", i + 1);
                }
            }
        }
        if (!batch.isEmpty()) {
            store.insertEvents(batch);
        }
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.systemDefault()).toInstant());
    }
}

package cn.gridflow.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One grid event's contribution to {@code gf_metric_daily}: its cell (day and dimensions) and its counters. The
 * incremental projection takes the old contribution out and puts the new one in; {@link #rebuildSql} computes the
 * same counters in SQL from {@code gf_metric_event}, and a test checks the two agree.
 */
record DailyCell(LocalDate day, String communityId, String gridId, String leadDept, String category, String source,
                 String cityMode, long[] counters) {

    /** Counter columns, in the order of {@link #counters}; the histogram columns follow. */
    static final List<String> COUNTERS = List.of("total", "open_count", "closed_count", "sign_settled",
            "signed_in_time", "closed_with_sla", "closed_in_time", "rated", "satisfied", "reopened",
            "handling_ms_sum");
    static final int BUCKETS = 32;
    /** Lower bound (minutes, inclusive) of each handling-time bucket; bucket 0 also takes anything below 1. */
    static final long[] BOUNDS = new long[BUCKETS];
    static final List<String> COLUMNS;

    static {
        for (int i = 1; i < BUCKETS; i++) {
            BOUNDS[i] = Math.max(BOUNDS[i - 1] + 1, (long) Math.floor(Math.pow(1.4, i)));
        }
        List<String> columns = new ArrayList<>(COUNTERS);
        for (int i = 0; i < BUCKETS; i++) {
            columns.add(histogram(i));
        }
        COLUMNS = List.copyOf(columns);
    }

    /**
     * The grains of the table: which dimensions each keeps (the others are rolled up to ''). A query reads the
     * first grain in this order that keeps every dimension it filters or groups by, so every single-dimension
     * filter has a grain of a few cells per day, and so have a department's category and source; only combined
     * filters with a community or grid fall to F, which has about one cell per event (read through its indexes,
     * see {@link MetricsFilter#dailyIndex}).
     */
    enum Grain {
        /** day x community x mode: the city, a community, war/peace. */
        C(true, false, true, false, false, false),
        /** day x lead department x mode: a department, a department leader's scope. */
        D(false, false, true, true, false, false),
        /** day x community x grid x mode: a grid (its community is kept, so a community head's scope fits). */
        G(true, true, true, false, false, false),
        /** day x category x source x mode: a category, a source, or both. */
        K(false, false, true, false, true, true),
        /** day x department x category x source x mode: a department with a category and/or a source. */
        X(false, false, true, true, true, true),
        /** every dimension: any other combination. */
        F(true, true, true, true, true, true);

        final boolean community;
        final boolean grid;
        final boolean mode;
        final boolean dept;
        final boolean category;
        final boolean source;

        Grain(boolean community, boolean grid, boolean mode, boolean dept, boolean category, boolean source) {
            this.community = community;
            this.grid = grid;
            this.mode = mode;
            this.dept = dept;
            this.category = category;
            this.source = source;
        }

        /** Whether this grain keeps every dimension asked for. */
        boolean covers(boolean community, boolean grid, boolean dept, boolean category, boolean source) {
            return (this.community || !community) && (this.grid || !grid) && (this.dept || !dept)
                    && (this.category || !category) && (this.source || !source);
        }

        /** The first (smallest) grain that keeps every dimension asked for; F keeps all. */
        static Grain smallest(boolean community, boolean grid, boolean dept, boolean category, boolean source) {
            for (Grain g : values()) {
                if (g.covers(community, grid, dept, category, source)) {
                    return g;
                }
            }
            return F;
        }
    }

    static String histogram(int bucket) {
        return String.format("h%02d", bucket);
    }

    static int bucket(long minutes) {
        for (int i = BUCKETS - 1; i > 0; i--) {
            if (minutes >= BOUNDS[i]) {
                return i;
            }
        }
        return 0;
    }

    /** What the event adds to its cell, or null when it does not count (not admitted). */
    static DailyCell of(EventFacts f) {
        if (!f.admitted || f.reportedAt == null) {
            return null;
        }
        long[] c = new long[COLUMNS.size()];
        boolean closed = f.closedAt != null;
        c[0] = 1;
        c[1] = closed ? 0 : 1;
        c[2] = closed ? 1 : 0;
        c[3] = f.signRequired && (f.signedAt != null || f.signOverdue) ? 1 : 0;
        c[4] = f.signRequired && Boolean.TRUE.equals(f.signedInTime()) ? 1 : 0;
        Boolean inTime = f.closedInTime();
        c[5] = inTime != null ? 1 : 0;
        c[6] = Boolean.TRUE.equals(inTime) ? 1 : 0;
        String s = f.satisfaction;
        c[7] = "SATISFIED".equals(s) || "BASIC".equals(s) || "DISSATISFIED".equals(s) ? 1 : 0;
        c[8] = "SATISFIED".equals(s) || "BASIC".equals(s) ? 1 : 0;
        c[9] = closed && f.reopenCount > 0 ? 1 : 0;
        Long ms = f.handlingMs();
        c[10] = ms == null ? 0 : ms;
        Long minutes = f.handlingMinutes();
        if (minutes != null) {
            c[COUNTERS.size() + bucket(minutes)] = 1;
        }
        return new DailyCell(f.reportedDay(), blank(f.communityId), blank(f.gridId), blank(f.leadDept),
                blank(f.category), blank(f.source), blank(f.cityMode), c);
    }

    /** The cell's key in one grain: [day, community, grid, dept, category, source, mode]. */
    Object[] key(Grain g) {
        return new Object[] {java.sql.Date.valueOf(day), g.community ? communityId : "", g.grid ? gridId : "",
                g.dept ? leadDept : "", g.category ? category : "", g.source ? source : "", g.mode ? cityMode : ""};
    }

    /** INSERT ... SELECT of one grain from gf_metric_event: the same counters as {@link #of}, in SQL. */
    static String rebuildSql(Grain g) {
        String[] dims = {
            g.community ? "coalesce(e.community_id, '')" : "''",
            g.grid ? "coalesce(e.grid_id, '')" : "''",
            g.dept ? "coalesce(e.lead_dept, '')" : "''",
            g.category ? "coalesce(e.category, '')" : "''",
            g.source ? "coalesce(e.source, '')" : "''",
            g.mode ? "coalesce(e.city_mode, '')" : "''"};
        StringBuilder sql = new StringBuilder("insert into gf_metric_daily (grain, stat_day, community_id, grid_id,"
                + " lead_dept, category, source, city_mode, " + String.join(", ", COLUMNS) + ") select '")
                .append(g.name()).append("', e.reported_day, ").append(String.join(", ", dims)).append(", ")
                .append("""
                        count(*),
                        sum(case when e.closed_at is null then 1 else 0 end),
                        sum(case when e.closed_at is not null then 1 else 0 end),
                        sum(case when e.sign_required = true and (e.signed_at is not null or e.sign_overdue = true)
                                 then 1 else 0 end),
                        sum(case when e.sign_required = true and e.signed_in_time = true then 1 else 0 end),
                        sum(case when e.closed_in_time is not null then 1 else 0 end),
                        sum(case when e.closed_in_time = true then 1 else 0 end),
                        sum(case when e.satisfaction in ('SATISFIED', 'BASIC', 'DISSATISFIED') then 1 else 0 end),
                        sum(case when e.satisfaction in ('SATISFIED', 'BASIC') then 1 else 0 end),
                        sum(case when e.closed_at is not null and e.reopen_count > 0 then 1 else 0 end),
                        sum(coalesce(e.handling_ms, 0))""");
        for (int i = 0; i < BUCKETS; i++) {
            sql.append(",\n sum(case when ").append(range("e.handling_min", i)).append(" then 1 else 0 end)");
        }
        sql.append("\nfrom gf_metric_event e where e.admitted = true group by e.reported_day");
        for (String dim : dims) {
            if (!dim.equals("''")) {
                sql.append(", ").append(dim);
            }
        }
        return sql.toString();
    }

    /** The SQL condition "column lies in bucket i" (null never does). */
    static String range(String column, int i) {
        String lower = i == 0 ? column + " is not null" : column + " >= " + BOUNDS[i];
        return i == BUCKETS - 1 ? lower : lower + " and " + column + " < " + BOUNDS[i + 1];
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    boolean sameCell(DailyCell other) {
        return other != null && day.equals(other.day) && communityId.equals(other.communityId)
                && gridId.equals(other.gridId) && leadDept.equals(other.leadDept) && category.equals(other.category)
                && source.equals(other.source) && cityMode.equals(other.cityMode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DailyCell other && sameCell(other) && Arrays.equals(counters, other.counters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(day, communityId, gridId, leadDept, category, source, cityMode,
                Arrays.hashCode(counters));
    }
}

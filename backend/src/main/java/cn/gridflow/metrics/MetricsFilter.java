package cn.gridflow.metrics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

import cn.gridflow.common.ApiException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The dashboards' filter: events reported between {@code from} and {@code to} (inclusive days), narrowed by
 * community, grid, lead department, category, source and peace/war mode. Blank means "any".
 */
record MetricsFilter(LocalDate from, LocalDate to, String communityId, String gridId, String departmentId,
                     String category, String source, String mode) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 3 * 366;
    private static final Set<String> MODES = Set.of("PEACE", "WAR");

    static MetricsFilter parse(String from, String to, String communityId, String gridId, String departmentId,
                               String category, String source, String mode, LocalDate today) {
        LocalDate end = blank(to) ? today : date(to);
        LocalDate start = blank(from) ? end.minusDays(DEFAULT_DAYS - 1) : date(from);
        if (start.isAfter(end)) {
            throw ApiException.badRequest("METRICS_RANGE_INVALID", start, end);
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw ApiException.badRequest("METRICS_RANGE_TOO_LONG", MAX_DAYS);
        }
        if (!blank(mode) && !MODES.contains(mode)) {
            throw ApiException.badRequest("METRICS_MODE_INVALID", mode);
        }
        return new MetricsFilter(start, end, orNull(communityId), orNull(gridId), orNull(departmentId),
                orNull(category), orNull(source), orNull(mode));
    }

    /** The SQL condition over gf_metric_event {@code e} for this filter and the caller's scope. */
    String where(MetricsScope scope, MapSqlParameterSource params) {
        return conditions("e", "e.admitted = true and e.reported_day >= :from and e.reported_day <= :to", scope,
                params);
    }

    /**
     * The smallest grain of gf_metric_daily that keeps every dimension this filter, the caller's scope and a
     * grouping ("community", "department" or null) need.
     */
    DailyCell.Grain grain(MetricsScope scope, String groupBy) {
        boolean community = communityId != null || "community".equals(groupBy) || scope.limitedToCommunities();
        boolean department = departmentId != null || "department".equals(groupBy) || scope.limitedToDepartments();
        return DailyCell.Grain.smallest(community, gridId != null, department, category != null, source != null);
    }

    /**
     * The index (V66) through which the grains F and X are read for this filter and scope, or null for the primary
     * key (day first). F has about one cell per event, so a combined filter must read only the cells of its most
     * selective dimension: a grid, else a community (the filter's or a community head's scope), else a department;
     * X is read by department.
     * Named explicitly because MariaDB, costing one random read per cell, prefers scanning the year by primary key
     * (a community head's year by category: 1.2 s that way).
     */
    String dailyIndex(MetricsScope scope, DailyCell.Grain grain) {
        boolean scopedCommunities = scope.limitedToCommunities();
        boolean scopedDepartments = scope.limitedToDepartments();
        if (grain == DailyCell.Grain.X) {
            // a department's cells of the year, not the year's cells of every department
            return departmentId != null || scopedDepartments ? "ix_metric_daily_dept" : null;
        }
        if (grain != DailyCell.Grain.F) {
            return null;
        }
        if (gridId != null) {
            return "ix_metric_daily_grid";
        }
        // a scope of communities OR departments narrows by neither index alone
        if (communityId != null || (scopedCommunities && !scopedDepartments)) {
            return "ix_metric_daily_community";
        }
        if (departmentId != null || (scopedDepartments && !scopedCommunities)) {
            return "ix_metric_daily_dept";
        }
        return null;
    }

    /** The same condition over gf_metric_daily {@code d}, in one grain. */
    String dailyWhere(MetricsScope scope, DailyCell.Grain grain, MapSqlParameterSource params) {
        params.addValue("grain", grain.name());
        return conditions("d", "d.grain = :grain and d.stat_day >= :from and d.stat_day <= :to", scope, params);
    }

    private String conditions(String alias, String base, MetricsScope scope, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder(base);
        params.addValue("from", java.sql.Date.valueOf(from)).addValue("to", java.sql.Date.valueOf(to));
        equal(sql, params, alias + ".community_id", "communityId", communityId);
        equal(sql, params, alias + ".grid_id", "gridId", gridId);
        equal(sql, params, alias + ".lead_dept", "departmentId", departmentId);
        equal(sql, params, alias + ".category", "category", category);
        equal(sql, params, alias + ".source", "source", source);
        equal(sql, params, alias + ".city_mode", "mode", mode);
        scopeCondition(scope, sql, params, alias);
        return sql.toString();
    }

    static void scopeCondition(MetricsScope scope, StringBuilder sql, MapSqlParameterSource params, String alias) {
        if (scope.city()) {
            return;
        }
        sql.append(" and (");
        if (!scope.communities().isEmpty()) {
            sql.append(alias).append(".community_id in (:scopeCommunities)");
            params.addValue("scopeCommunities", scope.communities());
        }
        if (!scope.departments().isEmpty()) {
            sql.append(scope.communities().isEmpty() ? "" : " or ").append(alias)
                    .append(".lead_dept in (:scopeDepartments)");
            params.addValue("scopeDepartments", scope.departments());
        }
        sql.append(")");
    }

    private static void equal(StringBuilder sql, MapSqlParameterSource params, String column, String name,
                              String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = :").append(name);
            params.addValue(name, value);
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("METRICS_DATE_INVALID", text);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String orNull(String text) {
        return blank(text) ? null : text.trim();
    }
}

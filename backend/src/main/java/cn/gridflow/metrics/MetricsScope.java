package cn.gridflow.metrics;

import java.util.List;
import java.util.Set;

import cn.gridflow.common.ApiException;
import cn.gridflow.security.CurrentUser;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Whose figures a manager sees (issue: "a community head: their community; city roles: the whole city"):
 * city roles see everything, a community head the events of their communities, a department leader the events
 * their departments lead. Anyone else gets a 403.
 */
record MetricsScope(boolean city, List<String> communities, List<String> departments) {

    static final Set<String> CITY_ROLES = Set.of("manager", "sgc-supervisor", "governance-admin", "city-commander");

    static MetricsScope of(CurrentUser user) {
        if (user.isAdmin() || CITY_ROLES.stream().anyMatch(role -> user.groups().contains(role))) {
            return new MetricsScope(true, List.of(), List.of());
        }
        List<String> communities = scopes(user, "community-head");
        List<String> departments = scopes(user, "dept-leader");
        if (communities.isEmpty() && departments.isEmpty()) {
            throw ApiException.forbidden("METRICS_FORBIDDEN");
        }
        return new MetricsScope(false, communities, departments);
    }

    /** Whether the caller sees only some communities' events (a community head). */
    boolean limitedToCommunities() {
        return !city && !communities.isEmpty();
    }

    /** Whether the caller sees only some departments' events (a department leader). */
    boolean limitedToDepartments() {
        return !city && !departments.isEmpty();
    }

    private static List<String> scopes(CurrentUser user, String role) {
        return user.groups().stream().filter(g -> g.startsWith(role + ":"))
                .map(g -> g.substring(role.length() + 1)).sorted().toList();
    }

    /**
     * A filter naming a community (or department) the caller has no part in is refused, not silently emptied;
     * within the scope, filters only narrow (a community head may look at one department's events in their community).
     */
    void check(String communityId, String departmentId) {
        if (city) {
            return;
        }
        if (communityId != null && !communities.contains(communityId) && departments.isEmpty()) {
            throw ApiException.forbidden("METRICS_SCOPE_FORBIDDEN");
        }
        if (departmentId != null && !departments.contains(departmentId) && communities.isEmpty()) {
            throw ApiException.forbidden("METRICS_SCOPE_FORBIDDEN");
        }
    }

    /**
     * The SQL condition on a row's community column: rows of the caller's communities (a department leader has
     * none, so sees nothing), narrowed to one community when asked.
     */
    String communityCondition(String column, String communityId, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder("1 = 1");
        if (!city) {
            if (communities.isEmpty()) {
                return "1 = 0";
            }
            sql.append(" and ").append(column).append(" in (:scopeCommunities)");
            params.addValue("scopeCommunities", communities);
        }
        if (communityId != null) {
            sql.append(" and ").append(column).append(" = :communityId");
            params.addValue("communityId", communityId);
        }
        return sql.toString();
    }
}

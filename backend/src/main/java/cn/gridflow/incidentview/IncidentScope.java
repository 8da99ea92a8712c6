package cn.gridflow.incidentview;

import java.util.Set;
import java.util.TreeSet;

import cn.gridflow.security.CurrentUser;

/**
 * Which grid events a user may look at: city-wide roles see all of them; everyone else sees the events of the
 * grids, communities and lead departments their scoped groups name, plus the events they reported themselves.
 * The engine grants task access only per task, so the app decides who may read a whole event.
 */
record IncidentScope(boolean all, String userId, Set<String> grids, Set<String> communities, Set<String> departments) {

    static final Set<String> CITY_WIDE = Set.of("sgc-dispatcher", "sgc-supervisor", "governance-admin",
            "city-commander", "emergency-command", "manager", "hotline-agent");
    static final Set<String> GRID_ROLES = Set.of("grid-staff", "grid-parttime", "grid-leader", "grid-instructor");
    static final Set<String> COMMUNITY_ROLES = Set.of("community-staff", "community-head");
    static final Set<String> DEPARTMENT_ROLES = Set.of("dept-handler", "dept-leader");

    static IncidentScope of(CurrentUser user) {
        boolean all = user.isAdmin() || user.groups().stream().anyMatch(CITY_WIDE::contains);
        Set<String> grids = new TreeSet<>();
        Set<String> communities = new TreeSet<>();
        Set<String> departments = new TreeSet<>();
        for (String group : user.groups()) {
            int colon = group.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String role = group.substring(0, colon);
            String scope = group.substring(colon + 1);
            if (GRID_ROLES.contains(role)) {
                grids.add(scope);
            } else if (COMMUNITY_ROLES.contains(role)) {
                communities.add(scope);
            } else if (DEPARTMENT_ROLES.contains(role)) {
                departments.add(scope);
            }
        }
        return new IncidentScope(all, user.id(), grids, communities, departments);
    }

    boolean covers(String startUserId, String gridId, String communityId, String leadDept) {
        return all || userId.equals(startUserId) || (gridId != null && grids.contains(gridId))
                || (communityId != null && communities.contains(communityId))
                || (leadDept != null && departments.contains(leadDept));
    }
}

package cn.gridflow.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which left-menu entries a user sees, by role (product.md: "Left menu shows only what the user's groups allow"). */
final class Menus {

    private static final Set<String> EVERYONE = Set.of("*");

    private static final Map<String, Set<String>> ROLES_BY_MENU = new LinkedHashMap<>();

    static {
        ROLES_BY_MENU.put("tasks", EVERYONE);
        ROLES_BY_MENU.put("start", EVERYONE);
        ROLES_BY_MENU.put("incidents", Set.of("grid-staff", "grid-parttime", "grid-leader", "grid-instructor",
                "community-staff", "community-head", "sgc-dispatcher", "sgc-supervisor", "dept-handler",
                "dept-leader", "governance-admin", "city-commander", "hotline-agent", "manager"));
        ROLES_BY_MENU.put("hoa", Set.of("owner", "hoa-member", "hoa-chair", "party-org", "community-filing",
                "community-staff", "community-head", "hoa-supervisor", "fin-agent", "property-company"));
        ROLES_BY_MENU.put("procurement", Set.of("purchasing-dept", "finance-reviewer", "legal-reviewer",
                "governance-admin", "city-gov-approver", "service-provider", "third-party-evaluator"));
        // promotion also holds the commendations, which departments nominate to and the authority decides on
        ROLES_BY_MENU.put("promotion", Set.of("hr-admin", "assessment-panel", "discipline-check",
                "promotion-committee", "community-head", "grid-staff", "dept-leader", "governance-admin",
                "city-gov-approver"));
        ROLES_BY_MENU.put("designer", Set.of("process-designer"));
        ROLES_BY_MENU.put("dashboard", Set.of("manager", "community-head", "sgc-supervisor", "governance-admin",
                "city-commander", "dept-leader"));
        ROLES_BY_MENU.put("admin", Set.of());
    }

    private Menus() {
    }

    static List<String> of(CurrentUser user) {
        return ROLES_BY_MENU.entrySet().stream()
                .filter(e -> user.isAdmin() || e.getValue() == EVERYONE || e.getValue().stream().anyMatch(user::hasRole))
                .map(Map.Entry::getKey)
                .toList();
    }
}

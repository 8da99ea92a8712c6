package cn.gridflow.process;

/**
 * Builds candidate-group ids that carry an area scope, in the form {@code role:scope}
 * (for example {@code grid-staff:G0101} or {@code dept-handler:ENFORCE}), as domain-spec §0.2 prescribes.
 * Registered as the expression bean {@code groups}, so BPMN reads
 * {@code camunda:candidateGroups="${groups.scoped('grid-staff', gridId)}"}.
 */
public class Groups {

    public static final char SCOPE_SEPARATOR = ':';

    public String scoped(String role, String scope) {
        return scopedId(role, scope);
    }

    /**
     * The scoped group when the scope is known, otherwise the role group itself: for steps whose scope is optional
     * in the spec's variables (e.g. the community a service contract serves, when an outside caller names none).
     */
    public String scopedOrRole(String role, Object scope) {
        if (scope == null || scope.toString().isBlank()) {
            if (role == null || role.isBlank()) {
                throw new IllegalArgumentException("role must not be blank");
            }
            return role;
        }
        return scopedId(role, scope.toString());
    }

    public static String scopedId(String role, String scope) {
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("role must not be blank");
        }
        // A task offered to "grid-staff:null" would silently reach nobody; fail the step instead.
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("scope of group '" + role + "' is missing");
        }
        return role + SCOPE_SEPARATOR + scope;
    }

    /** The role part of a group id: {@code grid-staff:G0101 → grid-staff}; unscoped ids are returned as they are. */
    public static String roleOf(String groupId) {
        int at = groupId.indexOf(SCOPE_SEPARATOR);
        return at < 0 ? groupId : groupId.substring(0, at);
    }

    /** The scope part of a group id, or {@code null} when the group is not scoped. */
    public static String scopeOf(String groupId) {
        int at = groupId.indexOf(SCOPE_SEPARATOR);
        return at < 0 ? null : groupId.substring(at + 1);
    }
}

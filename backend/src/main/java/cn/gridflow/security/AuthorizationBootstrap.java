package cn.gridflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The standing Camunda authorizations GridFlow relies on. Task-level access is not granted here: the engine
 * grants it per task to its assignee and candidates, which is what scopes a grid worker to their grid.
 * <ul>
 *   <li>administrators may do everything;</li>
 *   <li>everyone may read process definitions (to see the diagrams of their tasks);</li>
 *   <li>the reporting roles may start grid events;</li>
 *   <li>only process designers may deploy (deploying a model can run code: scripts, expressions);</li>
 *   <li>managers and the SGC supervisor may read history (dashboards).</li>
 * </ul>
 */
@Component
public class AuthorizationBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationBootstrap.class);

    static final List<String> GRID_EVENT_REPORTERS = List.of("grid-staff", "grid-parttime", "grid-leader",
            "hotline-agent", "sgc-dispatcher", "intake-bridge");

    private final AuthorizationService authorizations;

    public AuthorizationBootstrap(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    public void apply() {
        // Camunda skips checks for camunda-admin in some paths but not in query filtering; like Camunda's own
        // admin setup, the group is granted everything explicitly.
        for (Resources resource : Resources.values()) {
            grant(CurrentUser.ADMIN_GROUP, resource, ANY, Permissions.ALL);
        }
        global(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        for (String group : GRID_EVENT_REPORTERS) {
            grant(group, Resources.PROCESS_DEFINITION, "grid-event", Permissions.READ, Permissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        grant("city-commander", Resources.PROCESS_DEFINITION, "mode-switch", Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grant("city-commander", Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        // art. 3: the city, or a department, issues instructions straight down to communities and grids
        for (String group : List.of("city-commander", "dept-leader")) {
            grant(group, Resources.PROCESS_DEFINITION, "city-command-dispatch", Permissions.READ,
                    Permissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        // 网格事项准入: a department applies to add a matter to the grid admission list
        grant("dept-leader", Resources.PROCESS_DEFINITION, "grid-matter-admission-request", Permissions.READ,
                Permissions.CREATE_INSTANCE);
        // 专职网格员选聘: HR opens rounds and records objections and reporting for duty (domain-spec §4)
        grant("hr-admin", Resources.PROCESS_DEFINITION, "promotion-round", Permissions.READ, Permissions.CREATE_INSTANCE,
                Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE, Permissions.READ_HISTORY);
        grant("hr-admin", Resources.PROCESS_DEFINITION, "candidate-screening", Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
        grant("hr-admin", Resources.PROCESS_DEFINITION, "candidate-appointment", Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.UPDATE_INSTANCE, Permissions.READ_HISTORY);
        grant("hr-admin", Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        // 表彰奖励: communities and departments nominate (domain-spec §4.4)
        for (String group : List.of("community-head", "dept-leader", "governance-admin")) {
            grant(group, Resources.PROCESS_DEFINITION, "commendation", Permissions.READ, Permissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        grant("governance-admin", Resources.PROCESS_DEFINITION, "commendation", Permissions.UPDATE_INSTANCE);
        // 政府购买服务: departments propose catalogue items and plan contracts from the procurement pages, and enter
        // the procurement result there (the award message), hence UPDATE_INSTANCE on the contract definition
        grant("purchasing-dept", Resources.PROCESS_DEFINITION, "service-catalog-item", Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grant("purchasing-dept", Resources.PROCESS_DEFINITION, "service-contract", Permissions.READ,
                Permissions.CREATE_INSTANCE, Permissions.UPDATE_INSTANCE);
        grant("purchasing-dept", Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        // 业委会 (domain-spec §2): committee members propose decisions; the chair requests payments through the agent.
        for (String group : List.of("hoa-chair", "hoa-member")) {
            grant(group, Resources.PROCESS_DEFINITION, "hoa-major-decision", Permissions.READ,
                    Permissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        }
        grant("hoa-chair", Resources.PROCESS_DEFINITION, "hoa-fund-payment", Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grant("hoa-chair", Resources.PROCESS_DEFINITION, "hoa-fund-agency", Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grant("process-designer", Resources.DEPLOYMENT, ANY, Permissions.ALL);
        grant("process-designer", Resources.PROCESS_DEFINITION, ANY, Permissions.ALL);
        grant("process-designer", Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
        grant("process-designer", Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
        for (String group : List.of("manager", "sgc-supervisor", "governance-admin")) {
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        }
    }

    private void global(Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
        authorization.setUserId(ANY);
        save(authorization, resource, resourceId, permissions);
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        save(authorization, resource, resourceId, permissions);
    }

    private void save(Authorization authorization, Resource resource, String resourceId, Permission... permissions) {
        boolean changed = authorization.getId() == null;
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (!changed) {
            return;
        }
        try {
            authorizations.saveAuthorization(authorization);
        } catch (RuntimeException e) {
            // Two nodes starting together: the other one wrote the same row first.
            log.debug("authorization on {} {} not saved here: {}", resource.resourceName(), resourceId, e.getMessage());
        }
    }
}

package cn.gridflow.org;

import cn.gridflow.process.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's groups in line with the org master data: one group per role, and per grid, community and
 * department one group for each role scoped to it. Idempotent, and safe when two nodes start together.
 */
@Component
public class OrgGroups {

    private static final Logger log = LoggerFactory.getLogger(OrgGroups.class);

    private final IdentityService identityService;
    private final GridRepository grids;
    private final CommunityRepository communities;
    private final DepartmentRepository departments;

    public OrgGroups(IdentityService identityService, GridRepository grids, CommunityRepository communities,
                     DepartmentRepository departments) {
        this.identityService = identityService;
        this.grids = grids;
        this.communities = communities;
        this.departments = departments;
    }

    public void sync() {
        Roles.ALL.values().forEach(role -> ensure(role.id(), role.nameZh(), "role"));
        for (Grid grid : grids.findAll()) {
            if (!grid.isMicroGrid()) {
                Roles.scopedTo(Roles.Scope.GRID).forEach(role ->
                        ensure(Groups.scopedId(role.id(), grid.getId()), role.nameZh() + " · " + grid.getName(), "grid"));
            }
        }
        for (Community community : communities.findAll()) {
            Roles.scopedTo(Roles.Scope.COMMUNITY).forEach(role -> ensure(Groups.scopedId(role.id(), community.getId()),
                    role.nameZh() + " · " + community.getName(), "community"));
        }
        for (Department department : departments.findAll()) {
            Roles.scopedTo(Roles.Scope.DEPARTMENT).forEach(role -> ensure(
                    Groups.scopedId(role.id(), department.getId()), role.nameZh() + " · " + department.getName(),
                    "department"));
        }
    }

    private void ensure(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(id);
        group.setName(name);
        group.setType(type);
        try {
            identityService.saveGroup(group);
        } catch (RuntimeException e) {
            // Another node created it between our check and our insert.
            log.debug("group {} not created here: {}", id, e.getMessage());
        }
    }
}

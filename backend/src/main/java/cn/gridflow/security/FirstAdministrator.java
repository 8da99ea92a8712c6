package cn.gridflow.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Production installs start with no users. The first administrator comes from GRIDFLOW_ADMIN_USER and
 * GRIDFLOW_ADMIN_PASSWORD; once created, changing the variables changes nothing (it is not a back door).
 */
@Component
public class FirstAdministrator {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final IdentityService identityService;
    private final String userId;
    private final String password;

    public FirstAdministrator(IdentityService identityService,
                              @Value("${gridflow.admin.user:}") String userId,
                              @Value("${gridflow.admin.password:}") String password) {
        this.identityService = identityService;
        this.userId = userId;
        this.password = password;
    }

    public void ensure() {
        if (identityService.createGroupQuery().groupId(CurrentUser.ADMIN_GROUP).count() == 0) {
            Group admins = identityService.newGroup(CurrentUser.ADMIN_GROUP);
            admins.setName("系统管理员");
            admins.setType("SYSTEM");
            identityService.saveGroup(admins);
        }
        if (identityService.createUserQuery().memberOfGroup(CurrentUser.ADMIN_GROUP).count() > 0) {
            return;
        }
        if (userId.isBlank() || password.isBlank()) {
            log.warn("No administrator exists. Set GRIDFLOW_ADMIN_USER and GRIDFLOW_ADMIN_PASSWORD and restart.");
            return;
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User admin = identityService.newUser(userId);
            admin.setFirstName("管理员");
            admin.setLastName("");
            admin.setPassword(password);
            identityService.saveUser(admin);
        }
        identityService.createMembership(userId, CurrentUser.ADMIN_GROUP);
        log.info("created the first administrator '{}'", userId);
    }
}

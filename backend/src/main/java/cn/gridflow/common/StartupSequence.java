package cn.gridflow.common;

import cn.gridflow.demo.DemoData;
import cn.gridflow.org.OrgGroups;
import cn.gridflow.security.AuthorizationBootstrap;
import cn.gridflow.security.FirstAdministrator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.stereotype.Component;

/**
 * What has to exist before anyone logs in, in dependency order: (demo) org → its groups → authorizations →
 * the first administrator → (demo) users and work. Every step is idempotent, so restarts and a second node
 * starting on the same database change nothing.
 */
@Component
public class StartupSequence {

    private final ObjectProvider<DemoData> demo;
    private final OrgGroups orgGroups;
    private final AuthorizationBootstrap authorizations;
    private final FirstAdministrator firstAdministrator;

    public StartupSequence(ObjectProvider<DemoData> demo, OrgGroups orgGroups, AuthorizationBootstrap authorizations,
                           FirstAdministrator firstAdministrator) {
        this.demo = demo;
        this.orgGroups = orgGroups;
        this.authorizations = authorizations;
        this.firstAdministrator = firstAdministrator;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(0)
    public void run() {
        demo.ifAvailable(DemoData::loadOrg);
        orgGroups.sync();
        authorizations.apply();
        firstAdministrator.ensure();
        demo.ifAvailable(DemoData::loadUsersAndWork);
    }
}

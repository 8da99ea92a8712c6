package cn.gridflow.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** A demo account of one feature: the user, the demo password and its group memberships. */
public record DemoUser(String id, String lastName, String firstName, List<String> groups) {

    public static final String PASSWORD = "demo";

    /**
     * Creates the accounts that do not exist yet. An existing account is left as it is: an administrator may
     * have changed its password or groups since the first start.
     */
    public static void ensure(IdentityService identity, List<DemoUser> users) {
        for (DemoUser demo : users) {
            if (identity.createUserQuery().userId(demo.id()).count() > 0) {
                continue;
            }
            User user = identity.newUser(demo.id());
            user.setLastName(demo.lastName());
            user.setFirstName(demo.firstName());
            user.setEmail(demo.id() + "@demo.gridflow.cn");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            demo.groups().forEach(group -> identity.createMembership(demo.id(), group));
        }
    }
}

package cn.gridflow.admin;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import cn.gridflow.common.ApiException;
import cn.gridflow.security.CurrentUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Administrators' writes to Camunda's users and memberships. Each operation runs as one engine command: the
 * identity service calls inside join its command context, so a user is created with all their groups or not at all,
 * and the checks (id free, groups exist, an administrator remains) see the same transaction as the writes.
 * The caller's own Camunda authorization still applies (camunda-admin holds every permission).
 */
@Component
public class IdentityAdmin {

    static final String USER_EXISTS = "ADMIN_USER_EXISTS";
    static final String USER_NOT_FOUND = "ADMIN_USER_NOT_FOUND";
    static final String GROUP_UNKNOWN = "ADMIN_GROUP_UNKNOWN";
    static final String LAST_ADMINISTRATOR = "ADMIN_LAST_ADMINISTRATOR";

    /** What an administrator enters for a user; already checked by {@link UserRequests}. */
    public record NewUser(String id, String firstName, String lastName, String email, String password,
                          List<String> groups) {
    }

    public record Profile(String firstName, String lastName, String email) {
    }

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl engine;
    private final IdentityDirectory directory;

    public IdentityAdmin(IdentityService identityService, ProcessEngineConfigurationImpl engine,
                         IdentityDirectory directory) {
        this.identityService = identityService;
        this.engine = engine;
        this.directory = directory;
    }

    public void create(NewUser draft) {
        inOneCommand(() -> {
            if (directory.userIdTaken(draft.id())) {
                throw ApiException.conflict(USER_EXISTS, draft.id());
            }
            requireGroups(draft.groups());
            User user = identityService.newUser(draft.id());
            user.setFirstName(draft.firstName());
            user.setLastName(draft.lastName());
            user.setEmail(draft.email());
            user.setPassword(draft.password());
            identityService.saveUser(user);
            draft.groups().forEach(group -> identityService.createMembership(draft.id(), group));
            return null;
        });
    }

    /** Changes name and e-mail; when {@code groups} is given, the user's memberships become exactly those. */
    public void update(String userId, Profile profile, List<String> groups) {
        inOneCommand(() -> {
            User user = existing(userId);
            user.setFirstName(profile.firstName());
            user.setLastName(profile.lastName());
            user.setEmail(profile.email());
            identityService.saveUser(user);
            if (groups != null) {
                requireGroups(groups);
                Set<String> current = currentGroups(userId);
                Set<String> wanted = new LinkedHashSet<>(groups);
                for (String group : current) {
                    if (!wanted.contains(group)) {
                        leave(userId, group);
                    }
                }
                for (String group : wanted) {
                    if (!current.contains(group)) {
                        identityService.createMembership(userId, group);
                    }
                }
            }
            return null;
        });
    }

    public void resetPassword(String userId, String password) {
        inOneCommand(() -> {
            User user = existing(userId);
            user.setPassword(password);
            identityService.saveUser(user);
            return null;
        });
    }

    public void addToGroup(String userId, String groupId) {
        inOneCommand(() -> {
            existing(userId);
            requireGroups(List.of(groupId));
            if (!currentGroups(userId).contains(groupId)) {
                identityService.createMembership(userId, groupId);
            }
            return null;
        });
    }

    public void removeFromGroup(String userId, String groupId) {
        inOneCommand(() -> {
            existing(userId);
            requireGroups(List.of(groupId));
            if (currentGroups(userId).contains(groupId)) {
                leave(userId, groupId);
            }
            return null;
        });
    }

    /** Leaves a group the user is in; refuses to leave the system without an administrator. */
    private void leave(String userId, String groupId) {
        if (CurrentUser.ADMIN_GROUP.equals(groupId) && directory.lockMembers(CurrentUser.ADMIN_GROUP).size() <= 1) {
            throw ApiException.conflict(LAST_ADMINISTRATOR, userId);
        }
        identityService.deleteMembership(userId, groupId);
    }

    private User existing(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            throw ApiException.notFound(USER_NOT_FOUND, userId);
        }
        return user;
    }

    private Set<String> currentGroups(String userId) {
        Set<String> groups = new LinkedHashSet<>();
        identityService.createGroupQuery().groupMember(userId).list().forEach(g -> groups.add(g.getId()));
        return groups;
    }

    /** Only groups that exist: they are made from the org master data and roles, not typed in here. */
    private void requireGroups(Collection<String> groupIds) {
        for (String groupId : groupIds) {
            if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
                throw ApiException.badRequest(GROUP_UNKNOWN, groupId);
            }
        }
    }

    private <T> T inOneCommand(Supplier<T> work) {
        return engine.getCommandExecutorTxRequired().execute(commandContext -> work.get());
    }
}

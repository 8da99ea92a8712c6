package cn.gridflow.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import cn.gridflow.common.EngineSystemCalls;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Display names (姓名) for user ids, for lists and messages. */
@Component
public class UserNames {

    private final IdentityService identityService;
    private final EngineSystemCalls system;

    public UserNames(IdentityService identityService, EngineSystemCalls system) {
        this.identityService = identityService;
        this.system = system;
    }

    public Map<String, String> of(Collection<String> userIds) {
        String[] ids = userIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        Map<String, String> names = new HashMap<>();
        if (ids.length == 0) {
            return names;
        }
        system.call(() -> identityService.createUserQuery().userIdIn(ids).listPage(0, ids.length))
                .forEach(user -> names.put(user.getId(), AuthController.displayName(user, user.getId())));
        return names;
    }

    public String of(String userId) {
        if (userId == null) {
            return null;
        }
        return of(java.util.List.of(userId)).getOrDefault(userId, userId);
    }

    public static String nameOf(User user) {
        return AuthController.displayName(user, user.getId());
    }
}

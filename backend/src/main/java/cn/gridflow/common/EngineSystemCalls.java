package cn.gridflow.common;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls without the caller's authorizations, for reads the app has already scoped itself
 * (for example the history of an instance whose task the caller may see). Never for writes on a user's behalf.
 */
@Component
public class EngineSystemCalls {

    private final IdentityService identityService;

    public EngineSystemCalls(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}

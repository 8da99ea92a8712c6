package cn.gridflow.security;

import java.util.List;

import cn.gridflow.common.EngineSystemCalls;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks passwords against Camunda's identity service, so that the app, engine-rest, candidate groups and
 * Camunda authorizations all agree on who a user is and which groups they are in.
 * Authorities are the Camunda group ids, unprefixed (e.g. {@code grid-staff:G0101}).
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final EngineSystemCalls system;
    private final ProcessEngineConfigurationImpl engine;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService, EngineSystemCalls system,
                                                 ProcessEngineConfigurationImpl engine) {
        this.identityService = identityService;
        this.system = system;
        this.engine = engine;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null) {
            throw new BadCredentialsException("bad credentials");
        }
        // The password check and the group list as one engine command, so one transaction: the machine clients
        // (Basic, no session) are authenticated on every request. Read as the system: the caller's own group list
        // must not depend on what they may read.
        List<SimpleGrantedAuthority> authorities = system.call(() -> engine.getCommandExecutorTxRequired().execute(
                context -> identityService.checkPassword(userId, credentials.toString()) ? authoritiesOf(userId) : null));
        if (authorities == null) {
            throw new BadCredentialsException("bad credentials");
        }
        return new UsernamePasswordAuthenticationToken(userId, null, authorities);
    }

    private List<SimpleGrantedAuthority> authoritiesOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .map(SimpleGrantedAuthority::new)
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

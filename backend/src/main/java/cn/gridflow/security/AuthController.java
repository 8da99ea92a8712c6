package cn.gridflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.EngineSystemCalls;
import cn.gridflow.process.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class AuthController {

    private final AuthenticationManager authenticationManager;
    private final SecurityContextRepository contextRepository;
    private final IdentityService identityService;
    private final EngineSystemCalls system;

    public AuthController(AuthenticationManager authenticationManager, SecurityContextRepository contextRepository,
                          IdentityService identityService, EngineSystemCalls system) {
        this.authenticationManager = authenticationManager;
        this.contextRepository = contextRepository;
        this.identityService = identityService;
        this.system = system;
    }

    public record LoginRequest(String username, String password) {
    }

    public record GroupInfo(String id, String name) {
    }

    public record Scopes(List<String> grids, List<String> communities, List<String> departments) {
    }

    public record Me(String id, String name, List<GroupInfo> groups, List<String> roles, Scopes scopes,
                     List<String> menus) {
    }

    /** Reading the token makes Spring Security write the XSRF-TOKEN cookie the SPA echoes back. */
    @GetMapping("/auth/csrf")
    public Map<String, String> csrf(CsrfToken token) {
        return Map.of("token", token.getToken(), "headerName", token.getHeaderName());
    }

    @PostMapping("/auth/login")
    public Me login(@RequestBody LoginRequest login, HttpServletRequest request, HttpServletResponse response) {
        Authentication auth;
        try {
            auth = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(login.username(), login.password()));
        } catch (AuthenticationException e) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS");
        }
        // A fresh session id on login defeats session fixation.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        return describe(new CurrentUser(auth.getName(),
                auth.getAuthorities().stream().map(a -> a.getAuthority()).toList()));
    }

    @GetMapping("/me")
    public Me me() {
        return describe(CurrentUser.get());
    }

    private Me describe(CurrentUser user) {
        return system.call(() -> {
            User profile = identityService.createUserQuery().userId(user.id()).singleResult();
            List<Group> groups = identityService.createGroupQuery().groupMember(user.id()).list();
            TreeSet<String> roles = new TreeSet<>();
            TreeSet<String> grids = new TreeSet<>();
            TreeSet<String> communities = new TreeSet<>();
            TreeSet<String> departments = new TreeSet<>();
            List<GroupInfo> groupInfos = new ArrayList<>();
            for (Group group : groups) {
                groupInfos.add(new GroupInfo(group.getId(), group.getName()));
                String role = Groups.roleOf(group.getId());
                String scope = Groups.scopeOf(group.getId());
                roles.add(role);
                if (scope != null) {
                    switch (String.valueOf(group.getType())) {
                        case "grid" -> grids.add(scope);
                        case "community" -> communities.add(scope);
                        case "department" -> departments.add(scope);
                        default -> { }
                    }
                }
            }
            return new Me(user.id(), displayName(profile, user.id()), groupInfos, List.copyOf(roles),
                    new Scopes(List.copyOf(grids), List.copyOf(communities), List.copyOf(departments)),
                    Menus.of(user));
        });
    }

    static String displayName(User profile, String fallback) {
        if (profile == null) {
            return fallback;
        }
        String name = (nullToEmpty(profile.getLastName()) + nullToEmpty(profile.getFirstName())).trim();
        return name.isEmpty() ? fallback : name;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

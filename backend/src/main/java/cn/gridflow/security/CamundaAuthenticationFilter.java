package cn.gridflow.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the Spring-authenticated user and their groups to the engine for the length of the request,
 * so that Camunda's authorization checks apply to every engine call (app API and engine-rest alike).
 * Not a bean on purpose: Spring Boot would also register a bean filter outside the security chains.
 */
public class CamundaAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    public CamundaAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        identityService.setAuthentication(auth.getName(), groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}

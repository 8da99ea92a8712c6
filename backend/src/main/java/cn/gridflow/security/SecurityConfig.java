package cn.gridflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two doors: machine clients ({@code /engine-rest/**}, the intake API {@code /api/intake/**}) take HTTP Basic
 * and keep no session (so no CSRF exposure);
 * everything else is the React app's session with a cookie-to-header CSRF token.
 * Nothing but the login page, static assets, health and the published catalogue of purchased services
 * ({@code GET /api/procurement/public/**}, art. 6) is open to anonymous callers.
 */
@Configuration
public class SecurityConfig {

    /** Client-side routes of the single-page app; each is served as index.html. */
    static final String[] SPA_ROUTES = {"/", "/index.html", "/login", "/tasks", "/tasks/**", "/start", "/start/**",
            "/incidents/**", "/hoa/**", "/procurement/**", "/promotion/**", "/designer/**", "/dashboard/**",
            "/admin/**"};

    static final String[] STATIC_ASSETS = {"/assets/**", "/favicon.ico", "/favicon.svg", "/logo.svg", "/robots.txt"};

    @Bean
    AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    /**
     * No Micrometer observation around each of the ~15 security filters, the authentication and the authorization
     * of every request: the benchmark's profile found them in every request's CPU, and nothing reads them (the
     * request metrics, {@code http.server.requests}, come from Spring MVC's own observation and stay).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRestChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                        IdentityService identityService) throws Exception {
        return http.securityMatcher(new OrRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/intake/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("GridFlow engine-rest"))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(authenticationManager)
                .addFilterAfter(new CamundaAuthenticationFilter(identityService), AuthorizationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain appChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                 IdentityService identityService, SecurityContextRepository contextRepository,
                                 MessageSource messages, LocaleResolver localeResolver) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SPA_ROUTES).permitAll()
                        .requestMatchers(STATIC_ASSETS).permitAll()
                        .requestMatchers("/error", "/api/auth/csrf", "/api/auth/login").permitAll()
                        // art. 6: the catalogue of purchased services is published to society (向社会公布), read-only
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/procurement/public/**")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAnyAuthority("camunda-admin", "manager")
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler()))
                .securityContext(context -> context.securityContextRepository(contextRepository))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        jsonUnauthorized(messages, localeResolver)))
                .logout(logout -> logout.logoutUrl("/api/auth/logout")
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .authenticationManager(authenticationManager)
                .addFilterAfter(new CamundaAuthenticationFilter(identityService), AuthorizationFilter.class)
                .build();
    }

    /** A plain 401 with a JSON message; no Basic challenge, which would make browsers pop up a dialog. */
    private static AuthenticationEntryPoint jsonUnauthorized(MessageSource messages, LocaleResolver locales) {
        return (request, response, e) -> {
            String message = messages.getMessage("error.UNAUTHORIZED", null, locales.resolveLocale(request));
            writeJson(response, HttpStatus.UNAUTHORIZED,
                    "{\"status\":401,\"code\":\"UNAUTHORIZED\",\"message\":\"" + message + "\",\"fieldErrors\":[]}");
        };
    }

    private static void writeJson(HttpServletResponse response, HttpStatus status, String json) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json);
    }
}

package cn.gridflow.modeler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import cn.gridflow.common.ApiError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses an oversized upload before anything reads it, on both doors that deploy (engine-rest's deployment
 * resource and the designer API); {@link DeployPolicy} still checks each resource's own size.
 */
@Configuration
public class UploadSizeLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> deploymentUploadLimit(
            @Value("${gridflow.modeler.max-request-bytes:4194304}") long maxBytes, MessageSource messages,
            LocaleResolver locales, ObjectMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                boolean writes = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
                // An unknown length (chunked) is refused too: it could not be checked before reading.
                if (writes && (request.getContentLengthLong() > maxBytes || request.getContentLengthLong() < 0
                        && request.getHeader("Transfer-Encoding") != null)) {
                    String message = messages.getMessage("error.DESIGNER_REQUEST_TOO_LARGE",
                            new Object[]{String.valueOf(maxBytes / 1024)}, locales.resolveLocale(request));
                    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    json.writeValue(response.getWriter(), new ApiError(HttpStatus.PAYLOAD_TOO_LARGE.value(),
                            "DESIGNER_REQUEST_TOO_LARGE", message, java.util.List.of()));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/engine-rest/deployment/*", "/api/designer/*");
        registration.setName("deploymentUploadLimit");
        return registration;
    }
}

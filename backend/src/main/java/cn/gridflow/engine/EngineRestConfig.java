package cn.gridflow.engine;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adjustments to Camunda's stock engine-rest (Jersey) application. */
@Configuration
public class EngineRestConfig {

    /** ENGINE-17007: a variable in Java serialization format, which GridFlow prohibits. */
    static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

    /**
     * engine-rest reports a refused Java-serialized variable as a 500, though the caller sent bad input and the
     * engine wrote nothing: answer 400 so that clients see it is theirs to fix.
     */
    @Bean
    ResourceConfigCustomizer badVariableIsAClientError() {
        return config -> config.register((ContainerResponseFilter) (ContainerRequestContext request,
                                                                   ContainerResponseContext response) -> {
            if (response.getStatus() == 500 && response.getEntity() instanceof ExceptionDto error
                    && error.getMessage() != null && error.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED)) {
                response.setStatus(400);
            }
        });
    }
}

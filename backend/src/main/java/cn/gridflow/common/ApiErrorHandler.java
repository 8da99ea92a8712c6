package cn.gridflow.common;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns every failure of the app API into {@link ApiError} in the caller's language. */
@RestControllerAdvice(basePackages = "cn.gridflow")
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final MessageSource messages;

    public ApiErrorHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        Locale locale = LocaleContextHolder.getLocale();
        List<ApiError.FieldError> fields = e.fieldErrors().stream()
                .map(f -> new ApiError.FieldError(f.field(), text("error." + f.code(), f.args(), locale)))
                .toList();
        return body(e.status(), e.code(), text("error." + e.code(), e.args(), locale), fields);
    }

    @ExceptionHandler(TaskAlreadyClaimedException.class)
    ResponseEntity<ApiError> claimed(TaskAlreadyClaimedException e) {
        return api(ApiException.conflict("TASK_CLAIMED", e.getTaskAssignee()));
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<ApiError> concurrent(OptimisticLockingException e) {
        return api(ApiException.conflict("CONCURRENT_UPDATE"));
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ApiError> forbidden(AuthorizationException e) {
        log.debug("engine refused: {}", e.getMessage());
        return api(ApiException.forbidden("FORBIDDEN"));
    }

    @ExceptionHandler({NotFoundException.class, NullValueException.class})
    ResponseEntity<ApiError> missing(RuntimeException e) {
        return api(ApiException.notFound("NOT_FOUND"));
    }

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<ApiError> badEngineRequest(BadUserRequestException e) {
        return api(ApiException.badRequest("BAD_REQUEST_DETAIL", e.getMessage()));
    }

    /** A step of a process refused its input (e.g. a deadline in the past): the engine wraps that refusal. */
    @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
    ResponseEntity<ApiError> engineFailure(org.camunda.bpm.engine.ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException refused) {
                return badEngineRequest(refused);
            }
        }
        return unexpected(e);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> unreadable(Exception e) {
        return api(ApiException.badRequest("BAD_REQUEST"));
    }


    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        // Spring MVC's own failures (no such resource, missing parameter, wrong method) carry their status.
        if (e instanceof org.springframework.web.ErrorResponse mvc) {
            HttpStatus status = HttpStatus.resolve(mvc.getStatusCode().value());
            if (status == HttpStatus.NOT_FOUND) {
                return api(ApiException.notFound("NOT_FOUND"));
            }
            if (status != null && status.is4xxClientError()) {
                return api(new ApiException(status, "BAD_REQUEST"));
            }
        }
        log.error("unexpected failure", e);
        return api(new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL"));
    }

    private String text(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args, key, locale);
    }

    private static ResponseEntity<ApiError> body(HttpStatus status, String code, String message,
                                                 List<ApiError.FieldError> fields) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), code, message, fields));
    }
}

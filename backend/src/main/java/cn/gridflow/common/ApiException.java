package cn.gridflow.common;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on. {@code code} is stable for clients; the message is resolved from
 * {@code messages*.properties} in the caller's language ({@code Accept-Language}), so every error reads
 * in Chinese or English.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Object[] args;
    private final List<FieldProblem> fieldErrors;

    public ApiException(HttpStatus status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    public ApiException(HttpStatus status, String code, List<FieldProblem> fieldErrors, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ApiException notFound(String code, Object... args) {
        return new ApiException(HttpStatus.NOT_FOUND, code, args);
    }

    public static ApiException badRequest(String code, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, args);
    }

    public static ApiException conflict(String code, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, code, args);
    }

    public static ApiException forbidden(String code, Object... args) {
        return new ApiException(HttpStatus.FORBIDDEN, code, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }

    public List<FieldProblem> fieldErrors() {
        return fieldErrors;
    }

    /** One field's problem; {@code code} is a message key, {@code args} fill its placeholders. */
    public record FieldProblem(String field, String code, Object... args) {
    }
}

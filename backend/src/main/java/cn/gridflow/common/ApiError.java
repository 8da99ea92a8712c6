package cn.gridflow.common;

import java.util.List;

/** The JSON body of every error the app API returns. */
public record ApiError(int status, String code, String message, List<FieldError> fieldErrors) {

    public record FieldError(String field, String message) {
    }
}

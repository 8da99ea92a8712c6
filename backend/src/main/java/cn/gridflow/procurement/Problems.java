package cn.gridflow.procurement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.gridflow.common.ApiException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The problems found in one request. They are refused together, before anything is stored, with a top-level
 * message that names every problem (so a client that shows only the message still says what is wrong).
 */
final class Problems {

    private final MessageSource messages;
    private final List<ApiException.FieldProblem> problems = new ArrayList<>();

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    Problems add(String field, String code, Object... args) {
        problems.add(new ApiException.FieldProblem(field, "procurement." + code, args));
        return this;
    }

    boolean has(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        Locale locale = LocaleContextHolder.getLocale();
        String summary = problems.stream()
                .map(p -> messages.getMessage("error." + p.code(), p.args(), p.code(), locale))
                .collect(Collectors.joining(locale.getLanguage().equals("zh") ? "；" : "; "));
        throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "PROCUREMENT_INVALID", problems,
                summary);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

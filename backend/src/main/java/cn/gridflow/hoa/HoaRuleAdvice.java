package cn.gridflow.hoa;

import java.util.List;

import cn.gridflow.common.ApiError;
import cn.gridflow.process.hoa.HoaRules.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A rule of the procedure broken while completing a task or starting a decision (e.g. a third party return) reaches
 * the API wrapped in the engine's exception; it is answered as a 400 in the caller's language instead of a 500.
 * Spring matches handlers on the cause chain too, and this advice only handles RuleViolation, so every other
 * failure still goes to ApiErrorHandler.
 */
@RestControllerAdvice(basePackages = "cn.gridflow")
@Order(Ordered.HIGHEST_PRECEDENCE)
class HoaRuleAdvice {

    private final MessageSource messages;

    HoaRuleAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ApiError> ruleViolation(RuleViolation e) {
        String message = messages.getMessage("error." + e.code(), null, e.getMessage(), LocaleContextHolder.getLocale());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(new ApiError(HttpStatus.BAD_REQUEST.value(), e.code(), message, List.of()));
    }
}

package cn.gridflow.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

import cn.gridflow.common.ApiException;
import cn.gridflow.common.ApiException.FieldProblem;
import cn.gridflow.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holiday table (official holidays and 调休 make-up working days): everyone may read it, administrators
 * keep it. A change moves every due date computed afterwards, on this node at once, on others within
 * {@code gridflow.calendar.refresh-interval}.
 */
@RestController
@RequestMapping("/api/calendar/days")
public class CalendarController {

    // Until messages*.properties carry calendar-specific texts (see the work report), existing codes stand in:
    static final String DATE_INVALID = "CALENDAR_DATE_INVALID";
    static final String YEAR_INVALID = "CALENDAR_YEAR_INVALID";
    static final String DAY_INVALID = "CALENDAR_DAY_INVALID";
    static final String DAY_NOT_FOUND = "CALENDAR_DAY_NOT_FOUND";

    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;

    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final CalendarDays days;
    private final WorkCalendar workCalendar;

    public CalendarController(CalendarDays days, WorkCalendar workCalendar) {
        this.days = days;
        this.workCalendar = workCalendar;
    }

    /** What an administrator sends for one day. */
    public record DayRequest(String kind, String name) {
    }

    @GetMapping
    public List<CalendarDay> list(@RequestParam(required = false) Integer year) {
        CurrentUser.get();
        int wanted = year != null ? year : LocalDate.now(workCalendar.rules().zone()).getYear();
        if (wanted < MIN_YEAR || wanted > MAX_YEAR) {
            throw ApiException.badRequest(YEAR_INVALID, wanted);
        }
        return days.year(wanted);
    }

    @PutMapping("/{date}")
    public CalendarDay put(@PathVariable String date, @RequestBody DayRequest request) {
        CurrentUser user = CurrentUser.admin();
        LocalDate day = date(date);
        if (request == null) {
            throw ApiException.badRequest("BAD_REQUEST");
        }
        DayKind kind = kind(request.kind());
        String name = name(request.name());
        CalendarDay saved = days.put(day, kind, name, user.id());
        workCalendar.reload();
        return saved;
    }

    @DeleteMapping("/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String date) {
        CurrentUser.admin();
        LocalDate day = date(date);
        if (!days.delete(day)) {
            throw ApiException.notFound(DAY_NOT_FOUND, date);
        }
        workCalendar.reload();
    }

    private static LocalDate date(String text) {
        LocalDate day;
        try {
            day = LocalDate.parse(text, ISO_DATE);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(DATE_INVALID, text);
        }
        if (day.getYear() < MIN_YEAR || day.getYear() > MAX_YEAR) {
            throw ApiException.badRequest(DATE_INVALID, text);
        }
        return day;
    }

    private static DayKind kind(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(new FieldProblem("kind", "field.required", "kind"));
        }
        try {
            return DayKind.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(new FieldProblem("kind", "field.option", "kind", text));
        }
    }

    private static String name(String text) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty()) {
            throw invalid(new FieldProblem("name", "field.required", "name"));
        }
        if (name.length() > CalendarDays.NAME_LENGTH) {
            throw invalid(new FieldProblem("name", "field.maxLength", "name", CalendarDays.NAME_LENGTH));
        }
        return name;
    }

    private static ApiException invalid(FieldProblem problem) {
        return new ApiException(HttpStatus.BAD_REQUEST, DAY_INVALID, List.of(problem));
    }
}

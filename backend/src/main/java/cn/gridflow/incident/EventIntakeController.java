package cn.gridflow.incident;

import cn.gridflow.common.ApiException;
import cn.gridflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** For machine callers (HTTP Basic, no session): the resident app, the 12345 bridge, IoT bridges. */
@RestController
@RequestMapping("/api/intake")
@Tag(name = "Event intake", description = "Reports from the resident app, the 12345 hotline and IoT bridges")
public class EventIntakeController {

    private final EventIntake intake;

    public EventIntakeController(EventIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/reports")
    @Operation(summary = "Report a grid event",
            description = "Starts grid-event through the message MSG_EVENT_REPORTED. Idempotent on (source, reportId): "
                    + "sending the same report again returns the first event with duplicate=true and starts nothing. "
                    + "Photos: at most 5, each a base64 JPEG, PNG or WebP of at most 2 MB. HTTP Basic auth; "
                    + "the caller needs the right to start grid-event (groups hotline-agent or intake-bridge).")
    @ApiResponse(responseCode = "201", description = "event started")
    @ApiResponse(responseCode = "200", description = "this report was received before; nothing started")
    @ApiResponse(responseCode = "400", description = "bad report: fieldErrors name each problem; nothing stored")
    public ResponseEntity<EventIntake.Result> report(@RequestBody EventIntake.Report report) {
        EventIntake.Result result = intake.report(report, CurrentUser.get().id());
        return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    @PostMapping("/ratings")
    @Operation(summary = "Rate the handling of an event (评价)",
            description = "The reporter's rating, sent by the resident app or the 12345 bridge while the event waits for "
                    + "it (3 days after verification). satisfaction: SATISFIED, BASIC or DISSATISFIED. 409 when the "
                    + "event is not waiting for a rating (already rated, not yet verified, or no such event).")
    @ApiResponse(responseCode = "204", description = "rating recorded")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void rate(@RequestBody EventIntake.Rating rating) {
        CurrentUser caller = CurrentUser.get();
        if (!caller.isAdmin() && !caller.hasRole("intake-bridge") && !caller.hasRole("hotline-agent")) {
            throw ApiException.forbidden("FORBIDDEN");
        }
        intake.rate(rating);
    }
}

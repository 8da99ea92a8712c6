package cn.gridflow.incident;

import cn.gridflow.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The department handler's requests from the handling task (部门处置): extension and joint coordination. */
@RestController
@RequestMapping("/api/tasks/{taskId}")
@Tag(name = "Grid-event handling")
public class HandlingRequestController {

    private final HandlingRequests requests;

    public HandlingRequestController(HandlingRequests requests) {
        this.requests = requests;
    }

    public record ExtensionRequest(Integer workdays, String reason) {
    }

    public record CoordinationRequest(String reason) {
    }

    @PostMapping("/extension-request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for an extension (延期申请): once per event, before the deadline, 1–10 working days")
    public void requestExtension(@PathVariable String taskId, @RequestBody ExtensionRequest request) {
        requests.requestExtension(CurrentUser.get(), taskId, request.workdays(), request.reason());
    }

    @PostMapping("/coordination-request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask the SGC for joint coordination of a cross-department matter (提请联合协调)")
    public void requestCoordination(@PathVariable String taskId, @RequestBody CoordinationRequest request) {
        requests.requestCoordination(CurrentUser.get(), taskId, request.reason());
    }
}

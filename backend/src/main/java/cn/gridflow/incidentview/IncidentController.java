package cn.gridflow.incidentview;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gridflow.common.ApiException;
import cn.gridflow.incident.Attachments;
import cn.gridflow.security.CurrentUser;
import cn.gridflow.tasklist.TaskInbox;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 事件: the grid events a user may see, each with its record (diagram, timeline, photos, notifications, tasks). */
@RestController
@RequestMapping("/api/incidents")
public class IncidentController {

    private static final Set<String> STATUSES = Set.of("ACTIVE", "COMPLETED");
    private static final Set<String> SORTS = Set.of("started", "due");

    private final IncidentQueries queries;
    private final IncidentRecords records;

    public IncidentController(IncidentQueries queries, IncidentRecords records) {
        this.queries = queries;
        this.records = records;
    }

    public record PhotoUpload(List<Attachments.Photo> photos) {
    }

    @GetMapping
    public IncidentQueries.Page list(@RequestParam(required = false) String category,
                                     @RequestParam(required = false) String communityId,
                                     @RequestParam(required = false) String gridId,
                                     @RequestParam(required = false) String leadDept,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(required = false) String text,
                                     @RequestParam(defaultValue = "started") String sort,
                                     @RequestParam(defaultValue = "desc") String order,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        CurrentUser user = CurrentUser.get();
        if (size < 1 || size > TaskInbox.MAX_PAGE_SIZE || page < 0) {
            throw ApiException.badRequest("PAGE_INVALID");
        }
        if (status != null && !status.isBlank() && !STATUSES.contains(status)) {
            throw ApiException.badRequest("INCIDENTVIEW_STATUS_INVALID", status);
        }
        if (!SORTS.contains(sort) || !Set.of("asc", "desc").contains(order)) {
            throw ApiException.badRequest("SORT_INVALID", sort + " " + order);
        }
        if (text != null && text.length() > 200) {
            throw ApiException.badRequest("INCIDENTVIEW_TEXT_TOO_LONG", 200);
        }
        return queries.list(IncidentScope.of(user),
                new IncidentQueries.Criteria(category, communityId, gridId, leadDept, status, text, sort, order),
                page, size);
    }

    @GetMapping("/{id}")
    public IncidentRecords.Detail detail(@PathVariable String id) {
        return records.detail(CurrentUser.get(), id);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    public ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId) {
        IncidentRecords.Content content = records.content(CurrentUser.get(), id, attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(content.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(content.bytes());
    }

    /** Photos for a running event, e.g. the patrol report's pictures sent right after the start form. */
    @PostMapping("/{id}/photos")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, List<String>> addPhotos(@PathVariable String id, @RequestBody PhotoUpload upload) {
        CurrentUser user = CurrentUser.get();
        return Map.of("attachmentIds", records.addPhotos(user, id, upload == null ? null : upload.photos()));
    }
}

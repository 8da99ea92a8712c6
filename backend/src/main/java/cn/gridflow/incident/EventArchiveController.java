package cn.gridflow.incident;

import java.util.Map;
import java.util.Set;

import cn.gridflow.common.ApiException;
import cn.gridflow.security.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The archived record of an ended grid event (办结归档), for those who oversee it. */
@RestController
@Tag(name = "Grid-event handling")
public class EventArchiveController {

    private static final Set<String> CITY_ROLES = Set.of("manager", "sgc-supervisor", "sgc-dispatcher",
            "governance-admin", "city-commander");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public EventArchiveController(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/api/events/{eventId}/archive")
    @Operation(summary = "The archive of an ended grid event: flags, rating, counters and timeline")
    public Map<String, Object> archive(@PathVariable String eventId) throws JsonProcessingException {
        Map<String, Object> row = jdbc.queryForList("select * from gf_event_archive where event_id = ?", eventId)
                .stream().findFirst().orElseThrow(() -> ApiException.notFound("EVENT_ARCHIVE_NOT_FOUND", eventId));
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        row.forEach((column, value) -> record.put(camel(column), value));
        if (!maySee(CurrentUser.get(), (String) record.get("communityId"), (String) record.get("gridId"))) {
            throw ApiException.notFound("EVENT_ARCHIVE_NOT_FOUND", eventId);
        }
        JsonNode timeline = json.readTree(String.valueOf(record.remove("timeline")));
        record.put("timeline", timeline);
        return record;
    }

    private static boolean maySee(CurrentUser user, String communityId, String gridId) {
        return user.isAdmin() || CITY_ROLES.stream().anyMatch(user::hasRole)
                || user.groups().contains("community-head:" + communityId)
                || user.groups().contains("community-staff:" + communityId)
                || user.groups().stream().anyMatch(g -> g.endsWith(":" + gridId) && g.startsWith("grid-"));
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase().toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}

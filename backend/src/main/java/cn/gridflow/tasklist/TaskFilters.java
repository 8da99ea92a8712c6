package cn.gridflow.tasklist;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.gridflow.common.ApiException;
import cn.gridflow.security.CurrentUser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The built-in inbox filters plus each user's saved ones. */
@Component
public class TaskFilters {

    public static final int MAX_NAME_LENGTH = 100;

    public record Filter(String id, String name, String nameEn, boolean builtIn, TaskCriteria criteria) {
    }

    private static final List<Filter> BUILT_IN = List.of(
            new Filter("mine", "我的待办", "My tasks", true, scope(TaskCriteria.Scope.mine)),
            new Filter("group", "组内待领", "My groups' tasks", true, scope(TaskCriteria.Scope.group)),
            new Filter("all", "全部可见", "All I can see", true, scope(TaskCriteria.Scope.all)));

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public TaskFilters(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private static TaskCriteria scope(TaskCriteria.Scope scope) {
        return new TaskCriteria(scope, null, null, null, null, null, null);
    }

    public List<Filter> of(CurrentUser user) {
        List<Filter> filters = new ArrayList<>(BUILT_IN);
        filters.addAll(jdbc.query("select id, name, criteria from gf_task_filter where owner_id = ? order by created",
                (rs, i) -> new Filter(rs.getString("id"), rs.getString("name"), rs.getString("name"), false,
                        parse(rs.getString("criteria"))), user.id()));
        return filters;
    }

    public Filter get(CurrentUser user, String id) {
        // a built-in filter needs no look-up of the user's saved ones (their ids are UUIDs, never a built-in's)
        for (Filter builtIn : BUILT_IN) {
            if (builtIn.id().equals(id)) {
                return builtIn;
            }
        }
        return of(user).stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.notFound("FILTER_NOT_FOUND"));
    }

    public Filter save(CurrentUser user, String name, TaskCriteria criteria) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("FILTER_NAME_REQUIRED");
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            throw ApiException.badRequest("FILTER_INVALID", "name > " + MAX_NAME_LENGTH);
        }
        if (criteria == null) {
            throw ApiException.badRequest("FILTER_INVALID", "criteria");
        }
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into gf_task_filter (id, owner_id, name, criteria, created) values (?, ?, ?, ?, ?)",
                id, user.id(), name.strip(), write(criteria), Timestamp.from(Instant.now()));
        return new Filter(id, name.strip(), name.strip(), false, criteria);
    }

    public void delete(CurrentUser user, String id) {
        if (jdbc.update("delete from gf_task_filter where id = ? and owner_id = ?", id, user.id()) == 0) {
            throw ApiException.notFound("FILTER_NOT_FOUND");
        }
    }

    private String write(TaskCriteria criteria) {
        try {
            return json.writeValueAsString(criteria);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("FILTER_INVALID", e.getOriginalMessage());
        }
    }

    private TaskCriteria parse(String criteria) {
        try {
            return json.readValue(criteria, TaskCriteria.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored filter criteria unreadable", e);
        }
    }
}

package cn.gridflow.modeler;

import java.sql.Timestamp;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A designer's unfinished edits, one per model and designer, kept server-side until deployed or discarded. */
@Component
public class Drafts {

    public record Draft(ModelKind kind, String key, String resourceName, String content, Integer baseVersion,
                        Date updatedAt) {
    }

    private final JdbcClient jdbc;

    public Drafts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Draft> of(String userId) {
        return jdbc.sql("select kind, model_key, resource_name, '' as content, base_version, updated_at "
                        + "from gf_designer_draft where user_id = :user order by updated_at desc")
                .param("user", userId).query((rs, n) -> map(rs)).list();
    }

    public Optional<Draft> get(String userId, ModelKind kind, String key) {
        return jdbc.sql("select kind, model_key, resource_name, content, base_version, updated_at "
                        + "from gf_designer_draft where user_id = :user and kind = :kind and model_key = :key")
                .param("user", userId).param("kind", kind.name()).param("key", key)
                .query((rs, n) -> map(rs)).optional();
    }

    /** Saving again replaces the draft; the last save wins, as it is one designer's own copy. */
    public Draft save(String userId, ModelKind kind, String key, String content, Integer baseVersion) {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        int updated = jdbc.sql("update gf_designer_draft set content = :content, base_version = :base, "
                        + "updated_at = :now where user_id = :user and kind = :kind and model_key = :key")
                .param("content", content).param("base", baseVersion == null ? null : baseVersion.longValue())
                .param("now", now).param("user", userId).param("kind", kind.name()).param("key", key).update();
        if (updated == 0) {
            insert(userId, kind, key, content, baseVersion, now);
        }
        return new Draft(kind, key, key + kind.extension(), content, baseVersion, now);
    }

    private void insert(String userId, ModelKind kind, String key, String content, Integer baseVersion,
                        Timestamp now) {
        try {
            jdbc.sql("insert into gf_designer_draft (user_id, kind, model_key, resource_name, content, base_version, "
                            + "updated_at) values (:user, :kind, :key, :name, :content, :base, :now)")
                    .param("user", userId).param("kind", kind.name()).param("key", key)
                    .param("name", key + kind.extension()).param("content", content)
                    .param("base", baseVersion == null ? null : baseVersion.longValue()).param("now", now).update();
        } catch (DuplicateKeyException e) {
            // the same designer saved twice at once (two tabs): the other save created the row, this one replaces it
            jdbc.sql("update gf_designer_draft set content = :content, base_version = :base, updated_at = :now "
                            + "where user_id = :user and kind = :kind and model_key = :key")
                    .param("content", content).param("base", baseVersion == null ? null : baseVersion.longValue())
                    .param("now", now).param("user", userId).param("kind", kind.name()).param("key", key).update();
        }
    }

    public void discard(String userId, ModelKind kind, String key) {
        jdbc.sql("delete from gf_designer_draft where user_id = :user and kind = :kind and model_key = :key")
                .param("user", userId).param("kind", kind.name()).param("key", key).update();
    }

    private static Draft map(java.sql.ResultSet rs) throws java.sql.SQLException {
        long base = rs.getLong(5);
        return new Draft(ModelKind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.wasNull() ? null : (int) base, rs.getTimestamp(6));
    }
}

package cn.gridflow.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The peace/war mode of each community (平战转换); a community without a row is at peace. */
@Component
public class CommunityModes {

    public static final String PEACE = "PEACE";
    public static final String WAR = "WAR";

    private final JdbcTemplate jdbc;

    public CommunityModes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String of(String communityId) {
        return jdbc.query("select city_mode from gf_community_mode where community_id = ?",
                rs -> rs.next() ? rs.getString(1) : PEACE, communityId);
    }

    public Map<String, String> all() {
        Map<String, String> modes = new TreeMap<>();
        jdbc.query("select community_id, city_mode from gf_community_mode",
                rs -> {
                    modes.put(rs.getString(1), rs.getString(2));
                });
        return modes;
    }

    public void set(String communityId, String mode, String processInstanceId) {
        Timestamp now = Timestamp.from(Instant.now());
        if (jdbc.update("update gf_community_mode set city_mode = ?, switched_at = ?, proc_inst_id = ?"
                + " where community_id = ?", mode, now, processInstanceId, communityId) == 0) {
            jdbc.update("insert into gf_community_mode (community_id, city_mode, switched_at, proc_inst_id)"
                    + " values (?, ?, ?, ?)", communityId, mode, now, processInstanceId);
        }
    }
}

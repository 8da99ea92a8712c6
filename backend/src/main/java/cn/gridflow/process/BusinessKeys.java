package cn.gridflow.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Human-readable business keys such as {@code EV-20261127-00001}, numbered per prefix and day across all nodes
 * (the row lock on the counter serialises concurrent starts; a rolled-back start leaves a gap, never a duplicate).
 */
@ProcessBean
@Component
public class BusinessKeys {

    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcTemplate jdbc;

    public BusinessKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String next(String prefix) {
        String day = LocalDate.now(CITY_ZONE).format(DAY);
        String counter = prefix + "-" + day;
        return counter + "-" + String.format("%05d", increment(counter));
    }

    private long increment(String counter) {
        if (jdbc.update("update gf_sequence set seq_value = seq_value + 1 where name = ?", counter) == 0) {
            try {
                jdbc.update("insert into gf_sequence (name, seq_value) values (?, 1)", counter);
                return 1;
            } catch (DuplicateKeyException raced) {
                jdbc.update("update gf_sequence set seq_value = seq_value + 1 where name = ?", counter);
            }
        }
        Long value = jdbc.queryForObject("select seq_value from gf_sequence where name = ?", Long.class, counter);
        return value == null ? 1 : value;
    }
}

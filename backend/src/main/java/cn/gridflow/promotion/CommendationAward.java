package cn.gridflow.promotion;

import cn.gridflow.process.ProcessBean;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code ${commendationAward.award(execution)}}: records a commendation; a commended grid worker's HR record gets the
 * bonus (gridflow.promotion.commendation-bonus, BK) that promotion scoring adds, capped, to the total.
 */
@ProcessBean
@Component("commendationAward")
public class CommendationAward {

    private final JdbcTemplate jdbc;
    private final BigDecimal bonus;

    public CommendationAward(JdbcTemplate jdbc, @Value("${gridflow.promotion.commendation-bonus:2}") BigDecimal bonus) {
        this.jdbc = jdbc;
        this.bonus = bonus;
    }

    public void award(DelegateExecution execution) {
        String type = (String) execution.getVariable("nomineeType");
        String nomineeId = (String) execution.getVariable("nomineeId");
        boolean gridStaff = "GRID_STAFF".equals(type) && nomineeId != null && !nomineeId.isBlank();
        try {
            jdbc.update("insert into gf_promotion_commendation (proc_inst_id, nominee_type, nominee_id, nominee_name, bonus,"
                            + " awarded_at) values (?, ?, ?, ?, ?, ?)", execution.getProcessInstanceId(), type,
                    gridStaff ? nomineeId : null, execution.getVariable("nomineeName"),
                    gridStaff ? bonus : BigDecimal.ZERO, Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException alreadyAwarded) {
            return;
        }
        if (gridStaff) {
            // the record's bonus is the sum of its awards, so recomputing it is safe however often it runs
            jdbc.update("update gf_promotion_hr_record set commendation_bonus = (select coalesce(sum(bonus), 0)"
                    + " from gf_promotion_commendation where nominee_id = ?), version_no = version_no + 1"
                    + " where user_id = ?", nomineeId, nomineeId);
        }
    }
}

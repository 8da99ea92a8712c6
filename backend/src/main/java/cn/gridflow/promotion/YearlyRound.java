package cn.gridflow.promotion;

import java.time.LocalDate;

import cn.gridflow.common.ApiException;
import cn.gridflow.process.promotion.RoundSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.gridflow.process.ProcessBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code ${yearlyRound}}: the yearly start of §4.3 step 1 ("every January", BK): opens this year's community-worker
 * round. Called by the timer start of {@code promotion-yearly-opening}, so the engine's job executor schedules it
 * once for the whole cluster. A round that is already open (HR was faster, or the job ran twice) is left as it is.
 */
@ProcessBean
@Component("yearlyRound")
public class YearlyRound {

    private static final Logger log = LoggerFactory.getLogger(YearlyRound.class);

    private final PromotionRounds rounds;
    private final int cswVacancies;

    public YearlyRound(PromotionRounds rounds, @Value("${gridflow.promotion.default-csw-vacancies:10}") int cswVacancies) {
        this.rounds = rounds;
        this.cswVacancies = cswVacancies;
    }

    public void openThisYear() {
        int year = LocalDate.now(RoundSetup.ZONE).getYear();
        try {
            String key = rounds.open(year, "CSW_FROM_GRID", cswVacancies, 0, "system");
            log.info("yearly promotion round {} opened", key);
        } catch (ApiException alreadyOpen) {
            log.info("yearly promotion round of {} already open: {}", year, alreadyOpen.getMessage());
        }
    }
}

package cn.gridflow.promotion;

import java.time.LocalDate;

import cn.gridflow.common.ApiException;
import cn.gridflow.process.promotion.RoundSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The yearly start of §4.3 step 1 ("every January", BK): opens this year's community-worker round. A round that is
 * already open (HR was faster, or another node ran this too) is left as it is.
 */
@Component
@EnableScheduling
public class YearlyRound {

    private static final Logger log = LoggerFactory.getLogger(YearlyRound.class);

    private final PromotionRounds rounds;
    private final int cswVacancies;

    public YearlyRound(PromotionRounds rounds, @Value("${gridflow.promotion.default-csw-vacancies:10}") int cswVacancies) {
        this.rounds = rounds;
        this.cswVacancies = cswVacancies;
    }

    @Scheduled(cron = "${gridflow.promotion.yearly-cron:0 0 9 5 1 *}", zone = "Asia/Shanghai")
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

package cn.gridflow.promotion;

import cn.gridflow.process.ProcessBean;
import cn.gridflow.process.promotion.CandidateStatus;
import cn.gridflow.process.promotion.PromotionLedger;
import cn.gridflow.process.promotion.PromotionRanking;
import cn.gridflow.process.promotion.PromotionScoring;
import cn.gridflow.process.promotion.RoundSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Expression beans of promotion-round, candidate-screening and candidate-appointment. Ratios and periods are
 * configuration (gridflow.promotion.*): art. 21 says only "一定比例", every figure here is BK.
 */
@Configuration
public class PromotionBeans {

    @Bean
    @ProcessBean
    RoundSetup roundSetup(@Value("${gridflow.promotion.grid-share:0.3}") double gridShare,
                          @Value("${gridflow.promotion.reserved-ratio:0.1}") double reservedRatio,
                          @Value("${gridflow.promotion.default-csw-vacancies:10}") int defaultCswVacancies) {
        return new RoundSetup(gridShare, reservedRatio, defaultCswVacancies, RoundSetup.Terms.DEFAULT);
    }

    @Bean
    @ProcessBean
    PromotionScoring promotionScoring(@Value("${gridflow.promotion.bonus-cap:3}") double bonusCap) {
        return new PromotionScoring(bonusCap);
    }

    @Bean
    @ProcessBean
    PromotionRanking promotionRanking(PromotionLedger promotionLedger) {
        return new PromotionRanking(promotionLedger);
    }

    /** Named promotionStatus: a bean called candidateStatus would be shadowed by the process variable of that name. */
    @Bean
    @ProcessBean
    CandidateStatus promotionStatus(PromotionLedger promotionLedger) {
        return new CandidateStatus(promotionLedger);
    }
}

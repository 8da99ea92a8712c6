package cn.gridflow.hoa;

import cn.gridflow.process.ProcessBean;
import cn.gridflow.process.hoa.HoaRules;
import cn.gridflow.process.hoa.VoteTallyService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain rule classes of the processes module, as the expression beans the hoa models use. */
@Configuration
class HoaBeans {

    @Bean
    @ProcessBean
    HoaRules hoaRules() {
        return new HoaRules();
    }

    @Bean
    VoteTallyService voteTallyService() {
        return new VoteTallyService();
    }
}

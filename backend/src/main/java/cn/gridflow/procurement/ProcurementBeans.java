package cn.gridflow.procurement;

import cn.gridflow.process.ProcessBean;
import cn.gridflow.process.ContractTerms;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The contract arithmetic lives in the processes module (model tests use it as it is); here it becomes a bean. */
@Configuration
public class ProcurementBeans {

    @Bean
    @ProcessBean
    ContractTerms contractTerms() {
        return new ContractTerms();
    }
}

package cn.gridflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GridFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(GridFlowApplication.class, args);
    }
}

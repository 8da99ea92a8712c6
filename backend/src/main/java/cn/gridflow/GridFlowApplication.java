package cn.gridflow;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GridFlowApplication {

    public static void main(String[] args) {
        // DMN date inputs (e.g. the admission list's temporary items) are compared in the JVM's zone: the city's
        // own, unless the operator sets TZ.
        if (System.getenv("TZ") == null) {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        }
        SpringApplication.run(GridFlowApplication.class, args);
    }
}

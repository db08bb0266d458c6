package cn.shaoxing.pilotbase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the Shaoxing pilot-base platform (Camunda 7 embedded in Spring Boot). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PilotBaseApplication {

  public static void main(String[] args) {
    SpringApplication.run(PilotBaseApplication.class, args);
  }
}

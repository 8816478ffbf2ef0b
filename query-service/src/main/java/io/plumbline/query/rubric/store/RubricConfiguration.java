package io.plumbline.query.rubric.store;

import io.plumbline.query.rubric.model.Quarter;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock and the quarter calendar everything is evaluated with. */
@Configuration(proxyBeanMethods = false)
public class RubricConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Quarter.Calendar quarterCalendar(
      @Value("${plumbline.quarters.time-zone:UTC}") ZoneId zone,
      @Value("${plumbline.quarters.fiscal-year-start-month:1}") int fiscalYearStartMonth) {
    return new Quarter.Calendar(zone, fiscalYearStartMonth);
  }
}

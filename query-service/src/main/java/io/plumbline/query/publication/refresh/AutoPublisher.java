package io.plumbline.query.publication.refresh;

import io.plumbline.query.publication.store.QuarterPublisher;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks every so often whether a quarter's grace period has passed, and publishes it if so. */
@Component
class AutoPublisher {

  private static final Logger log = LoggerFactory.getLogger(AutoPublisher.class);

  private final QuarterPublisher publisher;
  private final Clock clock;

  AutoPublisher(QuarterPublisher publisher, Clock clock) {
    this.publisher = publisher;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${plumbline.publication.check-interval:5m}",
      initialDelayString = "${plumbline.publication.initial-delay:30s}")
  void publishDueQuarters() {
    try {
      publisher.publishDue(clock.instant()).forEach(q -> log.info("Published {} automatically", q));
    } catch (RuntimeException e) {
      log.warn("Publishing due quarters failed; will retry: {}", e.toString());
    }
  }
}

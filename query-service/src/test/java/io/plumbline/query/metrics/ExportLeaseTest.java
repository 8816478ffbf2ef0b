package io.plumbline.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.query.EmbeddedInfrastructureTest;
import io.plumbline.query.metrics.store.ExportLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One replica of a fleet exports the business gauges: the one holding the lease. The others export
 * none, so a sum over every scraped replica counts each team once; when the holder dies, another
 * takes over once the lease has run out.
 */
@EmbeddedInfrastructureTest
class ExportLeaseTest {

  private static final Duration TTL = Duration.ofSeconds(45);

  @Autowired MongoTemplate mongo;

  private final MovableClock clock = new MovableClock();
  private final String name = "test-lease-" + UUID.randomUUID();

  private ExportLease replica() {
    return new ExportLease(mongo, clock, TTL, name);
  }

  @Test
  void oneReplicaHoldsTheLeaseAndTheOthersExportNothing() {
    ExportLease a = replica();
    ExportLease b = replica();

    assertThat(a.renew()).isTrue();
    assertThat(b.renew()).isFalse();
    assertThat(a.held()).isTrue();
    assertThat(b.held()).isFalse();
    clock.advance(TTL.minusSeconds(1));
    assertThat(a.renew()).as("renewed before it runs out").isTrue();
    clock.advance(TTL.minusSeconds(1));
    assertThat(b.renew()).as("still held: it was renewed").isFalse();
  }

  @Test
  void aHolderThatHasNotRenewedStopsExportingBeforeAnotherMayTakeOver() {
    ExportLease holder = replica();
    assertThat(holder.renew()).isTrue();

    clock.advance(TTL.multipliedBy(2).dividedBy(3)); // a renewal stalled this long

    assertThat(holder.held()).as("no longer exporting").isFalse();
    assertThat(replica().renew()).as("not yet taken by another").isFalse();
  }

  @Test
  void whenTheHolderStopsRenewingAnotherReplicaTakesOver() {
    ExportLease holder = replica();
    ExportLease other = replica();
    assertThat(holder.renew()).isTrue();

    clock.advance(TTL.plusSeconds(1)); // the holder died or stalled

    assertThat(other.renew()).isTrue();
    assertThat(holder.renew()).as("a stalled holder that wakes up has lost it").isFalse();
    assertThat(holder.held()).isFalse();
    assertThat(other.held()).isTrue();
  }

  @Test
  void aLeaseShorterThanThreeRefreshesIsRefusedNamingBothSettings() {
    ExportLease lease = replica();

    lease.requireRenewedEvery(Duration.ofSeconds(15));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> lease.requireRenewedEvery(Duration.ofSeconds(16)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plumbline.metrics.lease-ttl (PT45S)")
        .hasMessageContaining("plumbline.metrics.refresh-interval (PT16S)");
  }

  /** A clock the test moves on. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-10-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}

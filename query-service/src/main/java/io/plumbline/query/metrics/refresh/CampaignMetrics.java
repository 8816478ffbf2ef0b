package io.plumbline.query.metrics.refresh;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.plumbline.query.campaigns.model.CampaignProgress;
import io.plumbline.query.campaigns.store.CampaignProgressReader;
import io.plumbline.query.campaigns.store.CampaignStore;
import io.plumbline.query.metrics.store.ExportLease;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each campaign's progress as Prometheus gauges: teams in scope, met, not met and at risk. Bounded:
 * 4 series per campaign, at most {@value CampaignStore#MAX_CAMPAIGNS} campaigns. Computed every few
 * minutes by the replica holding the {@link ExportLease}; shown, or withdrawn, as the lease comes
 * and goes, so that only one replica of the fleet exports them.
 */
@Component
public class CampaignMetrics {

  private final CampaignStore campaigns;
  private final CampaignProgressReader progress;
  private final ExportLease lease;
  private final MultiGauge teams;
  private volatile boolean computed;

  public CampaignMetrics(
      CampaignStore campaigns,
      CampaignProgressReader progress,
      ExportLease lease,
      MeterRegistry meters) {
    this.campaigns = campaigns;
    this.progress = progress;
    this.lease = lease;
    this.teams =
        MultiGauge.builder("plumbline.campaign.teams")
            .description(
                "Teams in a campaign's scope (state=scope), that met its target, that did not, and"
                    + " at risk")
            .register(meters);
  }

  @Scheduled(
      fixedDelayString = "${plumbline.metrics.campaign-refresh-interval:5m}",
      initialDelayString = "${plumbline.metrics.initial-delay:2s}")
  public synchronized void refresh() {
    if (!lease.held()) {
      withdraw();
      return;
    }
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (CampaignProgress standing : progress.progressNow(campaigns.all())) {
      String id = standing.campaignId();
      rows.add(MultiGauge.Row.of(Tags.of("campaign", id, "state", "scope"), standing.teams()));
      rows.add(MultiGauge.Row.of(Tags.of("campaign", id, "state", "met"), standing.met()));
      rows.add(MultiGauge.Row.of(Tags.of("campaign", id, "state", "not_met"), standing.notMet()));
      rows.add(MultiGauge.Row.of(Tags.of("campaign", id, "state", "at_risk"), standing.atRisk()));
    }
    if (!lease.held()) {
      withdraw(); // the computation outlasted the lease
      return;
    }
    teams.register(rows, true);
    computed = true;
  }

  /**
   * Follows the lease between refreshes: the figures are withdrawn as soon as the lease is lost,
   * and computed at once when it is taken over from another replica.
   */
  @Scheduled(
      fixedDelayString = "${plumbline.metrics.refresh-interval:15s}",
      initialDelayString = "${plumbline.metrics.initial-delay:2s}")
  public synchronized void followLease() {
    if (!lease.held()) {
      withdraw();
    } else if (!computed) {
      refresh();
    }
  }

  private void withdraw() {
    teams.register(List.of(), true);
    computed = false;
  }
}

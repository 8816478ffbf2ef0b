package io.plumbline.query.campaigns;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each campaign's progress as Prometheus gauges: teams in scope, met, not met and at risk. Bounded:
 * 4 series per campaign, at most {@value Campaigns#MAX_CAMPAIGNS} campaigns. Every replica exports
 * the same figures, computed from the shared store.
 */
@Component
class CampaignMetrics {

  private final Campaigns campaigns;
  private final MultiGauge teams;

  CampaignMetrics(Campaigns campaigns, MeterRegistry meters) {
    this.campaigns = campaigns;
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
  void refresh() {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (CampaignProgress progress : campaigns.progressNow(campaigns.all())) {
      String id = progress.campaignId();
      rows.add(MultiGauge.Row.of(Tags.of("campaign", id, "state", "scope"), progress.teams()));
      rows.add(MultiGauge.Row.of(Tags.of("campaign", id, "state", "met"), progress.met()));
      rows.add(MultiGauge.Row.of(Tags.of("campaign", id, "state", "not_met"), progress.notMet()));
      rows.add(MultiGauge.Row.of(Tags.of("campaign", id, "state", "at_risk"), progress.atRisk()));
    }
    teams.register(rows, true);
  }
}

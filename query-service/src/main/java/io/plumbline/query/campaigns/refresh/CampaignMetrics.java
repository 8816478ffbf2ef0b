package io.plumbline.query.campaigns.refresh;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.plumbline.query.campaigns.model.CampaignProgress;
import io.plumbline.query.campaigns.store.CampaignStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each campaign's progress as Prometheus gauges: teams in scope, met, not met and at risk. Bounded:
 * 4 series per campaign, at most {@value CampaignStore#MAX_CAMPAIGNS} campaigns. Every replica
 * exports the same figures, computed from the shared store.
 */
@Component
public class CampaignMetrics {

  private final CampaignStore campaigns;
  private final MultiGauge teams;

  public CampaignMetrics(CampaignStore campaigns, MeterRegistry meters) {
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
  public void refresh() {
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

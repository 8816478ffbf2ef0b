package io.plumbline.query.campaigns.refresh;

import io.plumbline.query.campaigns.store.CampaignProgressReader;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Freezes each campaign's result soon after its deadline passes, on every replica: the store keeps
 * the first result written, so the replicas agree whichever freezes first.
 */
@Component
class CampaignFreezer {

  private final CampaignProgressReader progress;

  CampaignFreezer(CampaignProgressReader progress) {
    this.progress = progress;
  }

  @Scheduled(
      fixedDelayString = "${plumbline.campaigns.freeze-check:1m}",
      initialDelayString = "${plumbline.campaigns.freeze-check:1m}")
  void freezeDue() {
    progress.freezeDue();
  }
}

package io.plumbline.query.campaigns.model;

import java.time.Instant;

/** A campaign's standing in a few figures, for the quarterly report. */
public record CampaignStatus(
    String campaignId,
    String name,
    String target,
    String groupId,
    Integer tier,
    Instant deadline,
    boolean frozen,
    int teams,
    int met,
    int atRisk) {}

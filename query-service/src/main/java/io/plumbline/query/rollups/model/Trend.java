package io.plumbline.query.rollups.model;

import java.util.List;

/** One scope's figures per quarter, for the quarters in the range that have figures. */
public record Trend(
    String scope, String groupId, String from, String to, List<TrendPoint> points) {}

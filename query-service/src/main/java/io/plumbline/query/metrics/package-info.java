/**
 * Prometheus gauges of the figures, at the aggregation the API shows to the same caller, exported
 * once per fleet.
 */
package io.plumbline.query.metrics;

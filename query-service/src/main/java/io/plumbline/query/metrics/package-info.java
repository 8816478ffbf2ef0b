/** Prometheus gauges of the figures, at the aggregation the API shows to the same caller. */
package io.plumbline.query.metrics;

/** The lease that makes one replica of the fleet the exporter of the business gauges. */
package io.plumbline.query.metrics.store;

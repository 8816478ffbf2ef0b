/** The gauges refreshed on a schedule, exported by the lease holder only. */
package io.plumbline.query.metrics.refresh;

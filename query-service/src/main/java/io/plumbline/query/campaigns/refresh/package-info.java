/** What runs on a schedule for campaigns: their results frozen at the deadline, their gauges. */
package io.plumbline.query.campaigns.refresh;

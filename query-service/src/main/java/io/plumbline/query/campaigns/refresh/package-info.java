/** What runs on a schedule for campaigns: their results frozen once the deadline passes. */
package io.plumbline.query.campaigns.refresh;

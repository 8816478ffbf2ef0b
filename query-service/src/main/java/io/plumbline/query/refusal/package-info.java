/** Refusals in the query side's own words; the web edge turns them into problem details. */
package io.plumbline.query.refusal;

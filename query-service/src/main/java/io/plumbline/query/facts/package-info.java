/**
 * The facts: every event from the topic appended once to its team's fact log (or the groups'), read
 * back as one team's facts; events that cannot be read wait in the dead-letter store.
 */
package io.plumbline.query.facts;

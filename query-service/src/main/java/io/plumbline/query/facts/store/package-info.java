/** Fact logs as stored: each event appended once to its team's log, read back per team. */
package io.plumbline.query.facts.store;

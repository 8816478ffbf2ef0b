/** The Kafka consumer that keeps the fact logs up to date, and its dead letters. */
package io.plumbline.query.facts.refresh;

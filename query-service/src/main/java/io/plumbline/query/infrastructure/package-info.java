/** Wiring: Kafka error handling and dead letters, the clock, the maturity evaluator. */
package io.plumbline.query.infrastructure;

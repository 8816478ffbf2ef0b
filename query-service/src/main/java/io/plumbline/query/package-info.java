/** The query side: Kafka consumer, MongoDB read models, the read API and Prometheus metrics. */
package io.plumbline.query;

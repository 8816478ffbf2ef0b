/** The command side: REST ingest, Axon aggregates, MongoDB event store, the relay to Kafka. */
package io.plumbline.command;

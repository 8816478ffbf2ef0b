/** The command side: REST ingest, Axon aggregates, MongoDB event store, publication to Kafka. */
package io.plumbline.command;

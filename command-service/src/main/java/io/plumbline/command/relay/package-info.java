/** The relay: every stored event sent on to Kafka, at least once and in store order. */
package io.plumbline.command.relay;

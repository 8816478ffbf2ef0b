/** Publication of every stored event to Kafka, at least once and in store order. */
package io.plumbline.command.publication;

/** The REST ingest: reads a submitted event, checks it against the contract, hands it on. */
package io.plumbline.command.ingest;

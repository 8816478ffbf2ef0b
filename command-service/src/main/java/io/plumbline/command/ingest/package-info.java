/** The REST ingest: reads a submitted event, checks it, and turns it into a command. */
package io.plumbline.command.ingest;

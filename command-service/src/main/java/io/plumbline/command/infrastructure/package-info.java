/** Wiring of Axon to MongoDB and of the event contract to Jackson. */
package io.plumbline.command.infrastructure;

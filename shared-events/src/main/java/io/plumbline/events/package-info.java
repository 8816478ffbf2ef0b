/** The published event contract that the command side writes and the query side reads. */
package io.plumbline.events;

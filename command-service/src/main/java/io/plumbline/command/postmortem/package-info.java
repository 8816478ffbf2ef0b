/** Incidents, postmortems and action items: commands and the rules they must satisfy. */
package io.plumbline.command.postmortem;

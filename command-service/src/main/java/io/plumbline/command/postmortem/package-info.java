/** Incidents, postmortems and action items: the rules they follow ({@code Postmortems}). */
package io.plumbline.command.postmortem;

/** Incidents, postmortems and their action items. */
package io.plumbline.events.postmortem;

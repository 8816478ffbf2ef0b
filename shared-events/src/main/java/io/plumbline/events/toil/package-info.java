/** Toil measurements and the automations that remove toil. */
package io.plumbline.events.toil;

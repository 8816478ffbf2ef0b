/** Toil measurements and automations: the rules they follow ({@code Toil}). */
package io.plumbline.command.toil;

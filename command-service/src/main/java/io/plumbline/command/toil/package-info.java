/** Toil measurements and automations: commands and the rules they must satisfy. */
package io.plumbline.command.toil;

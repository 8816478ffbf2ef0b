/** SLO commands and the rules an SLO definition must satisfy. */
package io.plumbline.command.slo;

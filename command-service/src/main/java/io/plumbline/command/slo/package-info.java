/** SLOs: the rules a definition follows ({@code Slos}) and reconciliation with OpenSLO files. */
package io.plumbline.command.slo;

/** Reading OpenSLO files: every document's outcome, and the SLOs they describe. */
package io.plumbline.command.slo.openslo;

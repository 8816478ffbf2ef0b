/** The HTTP edge of the SLO practice: OpenSLO files reconciled with the team's SLOs. */
package io.plumbline.command.slo.web;

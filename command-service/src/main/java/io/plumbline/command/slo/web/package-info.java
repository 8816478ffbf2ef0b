/** OpenSLO files reconciled with a team's SLOs, and the HTTP edge that takes them. */
package io.plumbline.command.slo.web;

/** Decides on exemptions: from a criterion the rubric knows, for a while, revoked at most once. */
package io.plumbline.command.exemption;

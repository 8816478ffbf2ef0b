/**
 * Exemptions: an approver lets a team pass one criterion of the rubric, visibly, until it expires.
 */
package io.plumbline.events.exemption;

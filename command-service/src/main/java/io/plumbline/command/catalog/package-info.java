/**
 * The team's service catalog: the services it owns and their tiers; other practices ask which of
 * them are active.
 */
package io.plumbline.command.catalog;

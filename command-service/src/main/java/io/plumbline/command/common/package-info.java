/**
 * What every decider shares: how a refusal is said ({@link
 * io.plumbline.command.common.CommandRejectedException}, {@link
 * io.plumbline.command.common.Reason}), what became of a submission, and the event ids a team or
 * group has accepted.
 */
package io.plumbline.command.common;

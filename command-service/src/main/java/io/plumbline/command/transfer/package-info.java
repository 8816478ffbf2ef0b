/** Moving the event store between deployments: an export as lines, and its import. */
package io.plumbline.command.transfer;

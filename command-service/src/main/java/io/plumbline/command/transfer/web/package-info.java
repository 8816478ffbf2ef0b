/** The HTTP edge of moving the event store: export and import, for admins. */
package io.plumbline.command.transfer.web;

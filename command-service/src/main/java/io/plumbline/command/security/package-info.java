/** Who may do what: bearer tokens (team, reader, admin), their storage and administration. */
package io.plumbline.command.security;

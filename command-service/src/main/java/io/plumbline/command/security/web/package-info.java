/** The HTTP edge of tokens: an admin creates, lists and revokes API tokens. */
package io.plumbline.command.security.web;

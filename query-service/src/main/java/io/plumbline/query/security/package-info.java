/** Who may read what: reader and admin tokens read everything, a team token its own team. */
package io.plumbline.query.security;

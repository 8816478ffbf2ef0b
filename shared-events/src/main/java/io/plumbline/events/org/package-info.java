/** Organisation structure: groups, teams and the services they own. */
package io.plumbline.events.org;

/** Teams and the services they own; the team aggregate guards every fact a team submits. */
package io.plumbline.command.team;

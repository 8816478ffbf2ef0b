/**
 * The team aggregate: routes each submitted fact to the practice that decides on it, and owns the
 * team's own life (registration, moves, retirement).
 */
package io.plumbline.command.team;

/**
 * The HTTP edge of teams: one team's maturity and its explanation, every team listed; JSON and CSV.
 */
package io.plumbline.query.team.web;

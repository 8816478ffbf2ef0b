/**
 * Campaigns: leadership's targets with a deadline — a scope of teams, a level to reach in a
 * practice (or a criterion to pass) — their progress at any instant with each team's next steps,
 * weekly points, teams at risk, and the result frozen once the deadline passes.
 */
package io.plumbline.query.campaigns;

/** The read API for one team: its maturity now or as of an instant, with the evidence. */
package io.plumbline.query.team;

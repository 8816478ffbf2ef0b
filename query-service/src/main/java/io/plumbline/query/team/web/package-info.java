/** The HTTP edge of team: controllers, their parameters and problem details. */
package io.plumbline.query.team.web;

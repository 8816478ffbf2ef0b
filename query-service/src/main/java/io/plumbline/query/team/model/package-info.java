/**
 * One team's figures as the API shows them, their explanation, and every team of a quarter listed:
 * pure.
 */
package io.plumbline.query.team.model;

/** A campaign, its progress at an instant and how it is evaluated over the teams in scope: pure. */
package io.plumbline.query.campaigns.model;

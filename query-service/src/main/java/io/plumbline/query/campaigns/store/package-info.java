/** Campaigns as stored: created, replaced, removed, read, and their frozen results. */
package io.plumbline.query.campaigns.store;

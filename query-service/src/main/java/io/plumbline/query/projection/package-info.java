/** Projection of the event stream into the facts read model, exactly once per event id. */
package io.plumbline.query.projection;

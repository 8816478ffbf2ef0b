/** Service level objectives, their reviews and error-budget policy invocations. */
package io.plumbline.events.slo;

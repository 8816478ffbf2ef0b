/** Quarters published automatically once their grace period has passed. */
package io.plumbline.query.publication.refresh;

/** The HTTP edge of the rubric: read it, activate a new one, follow the replay. */
package io.plumbline.query.rubric.web;

/** The HTTP edge of rubric admin: controllers, their parameters and problem details. */
package io.plumbline.query.rubric.admin.web;

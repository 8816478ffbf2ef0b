/** Problem details for every refused read. */
package io.plumbline.query.web;

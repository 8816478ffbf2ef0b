/**
 * The HTTP edge of publication: publish, read a published quarter and its difference from live
 * figures.
 */
package io.plumbline.query.publication.web;

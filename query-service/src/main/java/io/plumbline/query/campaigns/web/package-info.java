/** The HTTP edge of campaigns: controllers, their parameters and problem details. */
package io.plumbline.query.campaigns.web;

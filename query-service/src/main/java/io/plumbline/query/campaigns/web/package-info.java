/** The HTTP edge of campaigns: JSON and CSV, parameters, refusals as problem details. */
package io.plumbline.query.campaigns.web;

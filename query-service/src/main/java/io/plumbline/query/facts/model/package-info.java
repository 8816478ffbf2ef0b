/**
 * One team's facts as the rubric reads them, the fact log as stored, and who is told of new facts.
 */
package io.plumbline.query.facts.model;

/** Group and org figures per quarter, built from the team-quarters along the org tree; CSV. */
package io.plumbline.query.rollups;

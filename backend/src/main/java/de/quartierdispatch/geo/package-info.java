/**
 * Quarters (PostGIS polygons), geotagging of points, the quarter import and the address
 * gazetteer.
 */
@NullMarked
package de.quartierdispatch.geo;

import org.jspecify.annotations.NullMarked;

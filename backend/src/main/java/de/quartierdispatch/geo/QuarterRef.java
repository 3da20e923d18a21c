package de.quartierdispatch.geo;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A quarter as other features refer to it. The internal id stays on the server.
 */
public record QuarterRef(@JsonIgnore long id, String code, String name) {
}

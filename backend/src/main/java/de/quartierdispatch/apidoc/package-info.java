/**
 * The OpenAPI 3.1 description of the whole HTTP API, generated from the controllers by
 * springdoc-openapi and completed here: security schemes, the problem-details error
 * shape, Open311's error format, and examples.
 */
@NullMarked
package de.quartierdispatch.apidoc;

import org.jspecify.annotations.NullMarked;

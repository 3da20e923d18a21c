/**
 * The report categories residents and staff choose from, labelled in every supported
 * language.
 */
@NullMarked
package de.quartierdispatch.category;

import org.jspecify.annotations.NullMarked;

/**
 * Photos of reports and of field teams' steps: checked by content, re-encoded without any
 * metadata, limited in pixels and bytes, stored with a thumbnail, shown to staff who need
 * them (with an audit row for every look), hidden by a team lead, erased with the text.
 * The public API is {@link de.quartierdispatch.photo.Photos}.
 */
@NullMarked
package de.quartierdispatch.photo;

import org.jspecify.annotations.NullMarked;

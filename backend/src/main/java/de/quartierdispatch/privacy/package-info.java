/**
 * Data protection: the privacy notice's facts, the audit trail of every look at personal
 * data, retention, and data subjects' rights (export and erasure).
 */
@NullMarked
package de.quartierdispatch.privacy;

import org.jspecify.annotations.NullMarked;

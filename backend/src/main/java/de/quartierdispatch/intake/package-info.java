/**
 * Intake of reports: the residents' public form, the contact-point counter, tracking
 * codes and the public status page.
 */
@NullMarked
package de.quartierdispatch.intake;

import org.jspecify.annotations.NullMarked;

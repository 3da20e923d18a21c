/**
 * Staff accounts for administrators: create them, set roles, team, contact point and
 * quarters, reset passwords, disable them. Every change that narrows what someone may do
 * ends their sessions at once.
 */
@NullMarked
package de.quartierdispatch.staff;

import org.jspecify.annotations.NullMarked;

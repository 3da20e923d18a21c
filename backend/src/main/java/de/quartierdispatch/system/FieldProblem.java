package de.quartierdispatch.system;

/**
 * One field's error in a problem body, shown by a form next to that field.
 *
 * @param field the request property, e.g. {@code description} or {@code location.lat}
 * @param code a stable name of the rule that failed, e.g. {@code Size}
 * @param message the message in the user's language
 */
record FieldProblem(String field, String code, String message) {
}

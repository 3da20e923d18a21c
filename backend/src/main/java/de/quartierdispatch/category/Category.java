package de.quartierdispatch.category;

import java.util.Map;

/**
 * A report category.
 *
 * @param code e.g. {@code NOISE}
 * @param icon the name of its icon ({@code /img/categories/<icon>.svg})
 * @param labels the label in each supported language
 * @param active whether new reports may be filed under it (a retired one still names the
 * reports filed before)
 */
public record Category(String code, String icon, Map<String, String> labels, boolean active) {
}

package de.quartierdispatch.system;

/**
 * A feature's settings that the pages may read: {@code GET /api/config} answers with one
 * property per contributor, named {@link #name()}. Features implement this as a bean, so
 * the dependency points from the feature to {@code system}, never back.
 */
public interface PublicSettings {

	/**
	 * The property's name in the configuration answer.
	 * @return a JSON property name
	 */
	String name();

	/**
	 * What the pages may see; never anything personal or secret.
	 * @return a record serialised as JSON
	 */
	Object settings();

}

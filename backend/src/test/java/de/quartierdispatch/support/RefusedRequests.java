package de.quartierdispatch.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Page;

/**
 * The requests a page sent that the server refused (4xx, 5xx), from now on: a form that
 * says a missing field itself sends none (each refusal is an error in the browser's
 * console).
 */
public final class RefusedRequests {

	private RefusedRequests() {
	}

	/** A live list of the refused requests of the page (and of others added to it). */
	public static List<String> of(Page... pages) {
		List<String> refused = new CopyOnWriteArrayList<>();
		for (Page page : pages) {
			watch(page, refused);
		}
		return refused;
	}

	/** Adds the page's refused requests to the list. */
	public static void watch(Page page, List<String> refused) {
		page.onResponse((response) -> {
			if (response.status() >= 400) {
				refused.add(response.request().method() + " " + response.url() + " " + response.status());
			}
		});
	}

}

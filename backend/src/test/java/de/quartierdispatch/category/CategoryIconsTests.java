package de.quartierdispatch.category;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The icons administrators may give a category are exactly the pictures the pages have,
 * and the administration page offers the same.
 */
class CategoryIconsTests {

	private static final Path WEB = Path.of("../frontend/src/main/web");

	@Test
	void theIconsAreThePicturesThereAre() throws IOException {
		try (Stream<Path> files = Files.list(WEB.resolve("img/categories"))) {
			assertThat(files.map((file) -> file.getFileName().toString().replace(".svg", "")))
				.containsExactlyInAnyOrderElementsOf(CategoryCatalogue.ICONS);
		}
		String panel = Files.readString(WEB.resolve("js/admin/CategoriesPanel.js"));
		for (String icon : CategoryCatalogue.ICONS) {
			assertThat(panel).contains("'" + icon + "'");
		}
	}

}

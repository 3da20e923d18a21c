package de.quartierdispatch.system;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.validation.FieldError;

/**
 * A field left empty fails its pattern or its size as well; the person is told once, to
 * fill it in ("Bitte füllen Sie dieses Feld aus."), not also that the empty text has the
 * wrong form.
 */
final class MissingValues {

	/** Constraints that say a value is missing. */
	private static final Set<String> MISSING = Set.of("NotNull", "NotBlank", "NotEmpty");

	private MissingValues() {
	}

	/** The errors, without those of a field that is missing altogether. */
	static List<FieldError> firstOnly(List<FieldError> errors) {
		Set<String> missing = errors.stream()
			.filter((error) -> MISSING.contains(error.getCode()))
			.map(FieldError::getField)
			.collect(Collectors.toSet());
		return errors.stream()
			.filter((error) -> MISSING.contains(error.getCode()) || !missing.contains(error.getField()))
			.toList();
	}

}

package de.quartierdispatch.system;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Coordinates that are not numbers, not finite, or outside the earth's range: 400.
 */
public class InvalidCoordinatesException extends InvalidFieldsException {

	public InvalidCoordinatesException(List<String> fields) {
		super(HttpStatus.BAD_REQUEST, "invalid-coordinates",
				fields.stream().map((field) -> new InvalidField(field, "coordinate." + field)).toList());
	}

}

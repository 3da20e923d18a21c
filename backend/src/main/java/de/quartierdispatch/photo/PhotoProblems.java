package de.quartierdispatch.photo;

import de.quartierdispatch.system.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * Why a photo was refused or cannot be shown. Each has a message in every resident
 * language ({@code problem.CODE.*}).
 */
final class PhotoProblems {

	private PhotoProblems() {
	}

	/** A refusal of the photo module. */
	abstract static class PhotoProblem extends ProblemException {

		PhotoProblem(HttpStatus status, String code, Object... arguments) {
			super(status, code, arguments);
		}

	}

	/** The bytes are not a JPEG, PNG or WebP image, whatever the file was called. */
	static class NotAnImageException extends PhotoProblem {

		NotAnImageException() {
			super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "photo-not-an-image");
		}

	}

	/** It looks like an image but cannot be read. */
	static class UnreadableImageException extends PhotoProblem {

		UnreadableImageException() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "photo-unreadable");
		}

	}

	/** Too many pixels to decode safely. */
	static class TooManyPixelsException extends PhotoProblem {

		TooManyPixelsException(long megapixels) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "photo-too-many-pixels", megapixels);
		}

	}

	/** The upload is larger than allowed. */
	static class PhotoTooLargeException extends PhotoProblem {

		PhotoTooLargeException(long megabytes) {
			super(HttpStatus.CONTENT_TOO_LARGE, "photo-too-large", megabytes);
		}

	}

	/** The report already carries as many photos (or bytes) as allowed. */
	static class PhotoLimitReachedException extends PhotoProblem {

		PhotoLimitReachedException(int perReport) {
			super(HttpStatus.CONFLICT, "photo-limit-reached", perReport);
		}

	}

	/** Photos can be added only for a while after the report was made. */
	static class UploadClosedException extends PhotoProblem {

		UploadClosedException() {
			super(HttpStatus.CONFLICT, "photo-upload-closed");
		}

	}

	/** An assignment carries as many photos as it may. */
	static class AssignmentPhotoLimitReachedException extends PhotoProblem {

		AssignmentPhotoLimitReachedException(int perAssignment) {
			super(HttpStatus.CONFLICT, "photo-assignment-limit-reached", perAssignment);
		}

	}

	/** A photo for an assignment the team declined. */
	static class AssignmentDeclinedException extends PhotoProblem {

		AssignmentDeclinedException() {
			super(HttpStatus.CONFLICT, "photo-assignment-declined");
		}

	}

	/** More photos wait to be processed than may wait: the client tries again shortly. */
	static class PhotoProcessingBusyException extends PhotoProblem {

		PhotoProcessingBusyException() {
			super(HttpStatus.SERVICE_UNAVAILABLE, "photo-processing-busy");
		}

	}

	/**
	 * An upload's Idempotency-Key that is not 8 to 100 letters, digits or dashes, worded
	 * for the field app's staff or for a resident.
	 */
	static final class UploadKeyInvalidException extends PhotoProblem {

		private UploadKeyInvalidException(String code) {
			super(HttpStatus.BAD_REQUEST, code);
		}

		static UploadKeyInvalidException inTheField() {
			return new UploadKeyInvalidException("step-key-invalid");
		}

		static UploadKeyInvalidException ofAReport() {
			return new UploadKeyInvalidException("report-photo-key-invalid");
		}

	}

	/** The Idempotency-Key was used before for another photo (of another assignment). */
	static final class UploadKeyReusedException extends PhotoProblem {

		private UploadKeyReusedException(String code) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, code);
		}

		static UploadKeyReusedException inTheField() {
			return new UploadKeyReusedException("photo-key-reused");
		}

		static UploadKeyReusedException ofAReport() {
			return new UploadKeyReusedException("report-photo-key-reused");
		}

	}

	/** The job was finished longer ago than the field app keeps it. */
	static class FinishedJobClosedException extends PhotoProblem {

		FinishedJobClosedException() {
			super(HttpStatus.CONFLICT, "photo-job-closed");
		}

	}

	/** No assignment has this id. */
	static class AssignmentNotFoundException extends PhotoProblem {

		AssignmentNotFoundException() {
			super(HttpStatus.NOT_FOUND, "incident-not-found");
		}

	}

	/** No such photo, or no such report. */
	static class PhotoNotFoundException extends PhotoProblem {

		PhotoNotFoundException() {
			super(HttpStatus.NOT_FOUND, "photo-not-found");
		}

	}

	/** The report lies outside the quarters this member works for. */
	static class ReportOutsideRemitException extends PhotoProblem {

		ReportOutsideRemitException() {
			super(HttpStatus.FORBIDDEN, "photo-report-outside-scope");
		}

	}

	/**
	 * The photo belongs to an incident this member does not work on, or is to be added to
	 * another team's job.
	 */
	static class NotYourPhotoException extends PhotoProblem {

		NotYourPhotoException() {
			this("photo-not-yours");
		}

		private NotYourPhotoException(String code) {
			super(HttpStatus.FORBIDDEN, code);
		}

		static NotYourPhotoException toAdd() {
			return new NotYourPhotoException("photo-upload-not-yours");
		}

	}

}

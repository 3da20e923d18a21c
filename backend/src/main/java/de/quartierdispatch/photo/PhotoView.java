package de.quartierdispatch.photo;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A photo as staff pages list it: never the bytes, which are fetched (and audited) one by
 * one from {@code url} and {@code thumbnailUrl}.
 *
 * @param id the photo's id
 * @param incidentId the incident it belongs to (through its report, or directly)
 * @param reportId the report it came with (resident or counter), if any
 * @param assignmentId the field team's assignment it was taken on, if any
 * @param width the stored image's width
 * @param height the stored image's height
 * @param hidden whether a team lead hid it
 * @param createdAt when it was stored
 * @param url where staff fetch the image
 * @param thumbnailUrl where staff fetch the thumbnail
 */
public record PhotoView(long id, long incidentId, @Nullable Long reportId, @Nullable Long assignmentId, int width,
		int height, boolean hidden, OffsetDateTime createdAt, String url, String thumbnailUrl) {

	static PhotoView of(long id, long incidentId, @Nullable Long reportId, @Nullable Long assignmentId, int width,
			int height, boolean hidden, OffsetDateTime createdAt) {
		return new PhotoView(id, incidentId, reportId, assignmentId, width, height, hidden, createdAt,
				"/api/photos/" + id, "/api/photos/" + id + "/thumbnail");
	}

}

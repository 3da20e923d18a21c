package de.quartierdispatch.photo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of photos.
 *
 * @param maxUploadBytes the largest upload accepted (the form scales photos down before
 * sending, so this is generous)
 * @param maxPixels the largest image (width × height) that is decoded at all: larger ones
 * are refused before decoding (no decompression bombs)
 * @param maxEdge the stored image's longest side
 * @param thumbnailEdge the thumbnail's longest side
 * @param perReport photos one report may carry
 * @param maxBytesPerReport the stored bytes one report may carry
 * @param uploadWindow how long after a report was made photos can be added to it with its
 * tracking code
 * @param uploadsPerClient photo uploads one client may make per {@code uploadWindowLimit}
 * @param uploadWindowLimit the window of that limit
 * @param perAssignment photos a field team may add on one assignment
 * @param decodeBudget the most memory one photo's decoded pixels may take: larger images
 * are read subsampled (JPEG, PNG) or refused (WebP). Photos are decoded one at a time.
 */
@ConfigurationProperties("quartier.photos")
public record PhotoProperties(@DefaultValue("12MB") DataSize maxUploadBytes, @DefaultValue("50000000") long maxPixels,
		@DefaultValue("2048") int maxEdge, @DefaultValue("320") int thumbnailEdge, @DefaultValue("3") int perReport,
		@DefaultValue("6MB") DataSize maxBytesPerReport, @DefaultValue("1h") Duration uploadWindow,
		@DefaultValue("30") int uploadsPerClient, @DefaultValue("10m") Duration uploadWindowLimit,
		@DefaultValue("10") int perAssignment, @DefaultValue("64MB") DataSize decodeBudget) {
}

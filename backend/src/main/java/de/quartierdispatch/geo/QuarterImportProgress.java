package de.quartierdispatch.geo;

/**
 * How far an import has come.
 *
 * @param features features read so far
 * @param bytesRead bytes of the file read so far
 * @param bytesTotal the file's size
 */
record QuarterImportProgress(int features, long bytesRead, long bytesTotal) {

	public int percent() {
		return (this.bytesTotal > 0) ? (int) Math.min(100, this.bytesRead * 100 / this.bytesTotal) : 100;
	}

}

/** The longest side a photo is scaled to before it leaves the phone. */
const MAX_EDGE = 2048;
const JPEG_QUALITY = 0.85;

/**
 * The photo scaled to fit MAX_EDGE as a JPEG (a camera photo is 4–12 MB); the file as it is
 * when the browser cannot read it. The server checks and re-encodes every photo anyway.
 */
export async function scaledPhoto(file) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  }
  catch (unreadable) {
    return file;
  }
  const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob || file), 'image/jpeg', JPEG_QUALITY));
}

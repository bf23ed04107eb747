/**
 * Thumbnails of images: {@link dev.keel.storage.thumbnail.Thumbnailer} turns an image's
 * bytes into a small PNG or JPEG, refusing images whose header claims more pixels than
 * allowed (decompression bombs) before decoding anything. Pure image code, no Spring.
 */
package dev.keel.storage.thumbnail;

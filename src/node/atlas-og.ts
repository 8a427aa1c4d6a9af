// Share images of the atlas pages: the site's card (src/pages/_lib/og-svg.ts layout) with
// a project's or category's name and latest figures, rasterised by sharp. ~500 of them
// per build, so the PNG uses zlib level 6: measured here, 15 ms and ~42 KB an image,
// against 24 ms at level 9 and ~250 ms with palette quantisation (smaller, far slower).
import sharp from 'sharp';

export async function ogPng(svg: string): Promise<Uint8Array> {
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 6 }).toBuffer();
  return new Uint8Array(png);
}

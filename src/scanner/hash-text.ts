// A short, stable fingerprint of a text (64-bit FNV-1a over its UTF-16 code units, as 16 hex digits), for ids of
// feed items that carry neither a guid nor a link. Not cryptographic: it only has to tell items apart.

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

export function hashText(text: string): string {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}

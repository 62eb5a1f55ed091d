// Turns a name into the lower-case, dash-separated ASCII form used inside ids ("Açaí Berries" → "acai-berries").

/** Lower-case ASCII letters and digits joined by single dashes; accents dropped, "&" read as "and". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

import type { Product } from './catalog';
import { latinFromHangulKeys } from './hangul-keys';

/** The 19 initial consonants of a Hangul syllable, in Unicode's order (a syllable is 0xAC00 + (initial × 21 + vowel) × 28 + final). */
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;
const SYLLABLES_PER_INITIAL = 588;
const PLAIN = /^[\t\n\r\x20-\x7e\u3131-\u318e\uac00-\ud7a3]*$/;

/** A jamo a cashier types for an initial (ㄱ … ㅎ, doubled ones included). */
function isInitial(char: string): boolean {
  return INITIALS.includes(char);
}

/** A syllable's initial consonant (아 → ㅇ); any other character as it is. */
function initialOf(char: string): string {
  const code = char.charCodeAt(0);
  if (code < FIRST_SYLLABLE || code > LAST_SYLLABLE) return char;
  return INITIALS[Math.floor((code - FIRST_SYLLABLE) / SYLLABLES_PER_INITIAL)] as string;
}

/** A name's 초성: every syllable as its initial consonant ("아메리카노" → "ㅇㅁㄹㅋㄴ"), other characters kept. */
export function chosungOf(text: string): string {
  let out = '';
  for (const char of text) out += initialOf(char);
  return out;
}

/**
 * What search compares: spaces and accents dropped and case folded, so "아이스아메" finds
 * "아이스 아메리카노" and "caffe" finds "Caffè". Recomposing (NFC) after dropping the marks puts
 * Hangul syllables back together.
 */
export function foldForSearch(text: string): string {
  // ASCII and Hangul have no marks to drop: the fast way for nearly every name (50,000 at start).
  const plain = PLAIN.test(text) ? text : text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return plain.toLowerCase().replace(/\s+/g, '');
}

interface Entry {
  product: Product;
  /** Korean and English names, folded, joined by a separator no query holds. */
  names: string;
  /** The Korean name's 초성, folded. */
  chosung: string;
  /** Product code and barcode, folded. */
  codes: string;
}

/** Every product's fields, and each kind end to end for a search of them all. */
interface Index {
  entries: Entry[];
  names: Haystack;
  chosung: Haystack;
  codes: Haystack;
}

/** The query as each kind of field is searched with it. */
interface Needle {
  text: string;
  /** All initials (ㅇㅁㄹㅋㄴ): the 초성 are searched. */
  allInitials: boolean;
  /** The syllables typed and the initial still being composed ("아메ㄹ" → "아메" + ㄹ). */
  stem: string;
  composing: string | null;
  /** As codes: a code typed with the keyboard in 한글 mode reads back as its Latin keys. */
  keys: string;
}

const SEPARATOR = '\u0000';
/** Between one product's text and the next in a haystack: no query holds it, so no match spans two products. */
const PRODUCT_END = '\u0001';

/** One kind of field of every product, end to end, where `starts[i]` is where product i's begins. */
interface Haystack {
  text: string;
  starts: Int32Array;
}

function haystackOf(fields: readonly string[]): Haystack {
  const starts = new Int32Array(fields.length);
  let at = 0;
  fields.forEach((field, i) => {
    starts[i] = at;
    at += field.length + 1;
  });
  return { text: fields.join(PRODUCT_END), starts };
}

/**
 * Marks each product whose field holds `stem` (followed by a syllable of `initial`, when given):
 * the engine's own substring search over one string finds the few places, where testing 50,000
 * strings one by one would take a keystroke's whole budget.
 */
function mark(hay: Haystack, stem: string, initial: string | null, hit: Uint8Array): void {
  if (stem === '') {
    hit.fill(1);
    return;
  }
  const { text, starts } = hay;
  // Places are found in order, so the product holding each is found by walking on from the last.
  let product = 0;
  for (let at = text.indexOf(stem); at !== -1;) {
    while (product + 1 < starts.length && (starts[product + 1] as number) <= at) product += 1;
    const next = text[at + stem.length];
    const found = initial === null || (next !== undefined && (next === initial || initialOf(next) === initial));
    if (found) hit[product] = 1;
    const after = found ? (starts[product + 1] ?? text.length) : at + 1;
    at = text.indexOf(stem, after);
  }
}

function needleOf(query: string): Needle {
  const text = foldForSearch(query);
  const chars = [...text];
  const allInitials = chars.length > 0 && chars.every(isInitial);
  const last = chars.at(-1);
  const composing = !allInitials && last !== undefined && isInitial(last) ? last : null;
  return {
    text,
    allInitials,
    stem: composing === null ? text : chars.slice(0, -1).join(''),
    composing,
    keys: foldForSearch(latinFromHangulKeys(query)),
  };
}

/** "아메" followed by a syllable starting with ㄹ (아메리카노): how a name reads while its last syllable is typed. */
function holdsComposing(names: string, stem: string, initial: string): boolean {
  for (let at = names.indexOf(stem); at !== -1; at = names.indexOf(stem, at + 1)) {
    const next = names[at + stem.length];
    if (next !== undefined && (next === initial || initialOf(next) === initial)) return true;
  }
  return false;
}

/** What a search of every product finds: the haystacks searched, each product once, in the order given. */
function scanned(index: Index, needle: Needle): Entry[] {
  const hit = new Uint8Array(index.entries.length);
  mark(index.codes, needle.keys, null, hit);
  if (needle.allInitials) {
    mark(index.chosung, needle.text, null, hit);
    mark(index.names, needle.text, null, hit);
  } else mark(index.names, needle.stem, needle.composing, hit);
  // The first keys of a barcode (8, 88, 880 …) match every product: the list as it is, not a copy.
  return hit.includes(0) ? index.entries.filter((_, i) => hit[i] === 1) : index.entries;
}

function matches(entry: Entry, needle: Needle): boolean {
  if (entry.codes.includes(needle.keys)) return true;
  if (needle.allInitials) return entry.chosung.includes(needle.text) || entry.names.includes(needle.text);
  if (needle.composing !== null) return holdsComposing(entry.names, needle.stem, needle.composing);
  return entry.names.includes(needle.text);
}

/**
 * The catalog searched as a cashier types: built once per catalog, then each keystroke looks at
 * the products of the keystroke before when the query only grew (typing on narrows what was found).
 */
export interface CatalogSearch {
  /** The product a scanner read, by its exact barcode. */
  byBarcode(code: string): Product | undefined;
  /** The products of a category, in the order given; the whole list for `null`. */
  inCategory(categoryId: string | null): readonly Product[];
  /**
   * Products whose Korean or English name holds the query (or whose name's 초성 do, typed as
   * initials), or whose product code or barcode holds it; a product whose code or barcode is
   * exactly the query comes first, the rest in the order given. Empty query: every product.
   */
  search(query: string): readonly Product[];
  /** Builds the name index now (a quiet moment after the register shows), so the first keystroke does not wait for it. */
  prepare(): void;
}

export function buildCatalogSearch(products: readonly Product[]): CatalogSearch {
  const byBarcode = new Map<string, Product>();
  const byCode = new Map<string, Product>();
  const byCategory = new Map<string, Product[]>();
  for (const product of products) {
    if (product.barcode !== null && !byBarcode.has(product.barcode)) byBarcode.set(product.barcode, product);
    byCode.set(foldForSearch(product.id), product);
    const list = byCategory.get(product.categoryId);
    if (list === undefined) byCategory.set(product.categoryId, [product]);
    else list.push(product);
  }
  // The folded names are built when first needed: the register shows its products without them.
  let index: Index | null = null;
  function indexed(): Index {
    if (index !== null) return index;
    const entries = products.map((product) => ({
      product,
      names: `${foldForSearch(product.name.ko)}${SEPARATOR}${foldForSearch(product.name.en)}`,
      chosung: foldForSearch(chosungOf(product.name.ko)),
      codes: `${foldForSearch(product.id)}${SEPARATOR}${foldForSearch(product.barcode ?? '')}`,
    }));
    index = {
      entries,
      names: haystackOf(entries.map((entry) => entry.names)),
      chosung: haystackOf(entries.map((entry) => entry.chosung)),
      codes: haystackOf(entries.map((entry) => entry.codes)),
    };
    return index;
  }
  // The last query and what it found: the next keystroke usually only adds a character.
  let last: { text: string; keys: string; found: Entry[] } | null = null;

  function search(query: string): readonly Product[] {
    const needle = needleOf(query);
    if (needle.text === '') return products;
    // A query that only grew finds a subset of what it found before (a composing initial that
    // becomes its syllable changes the text, so it starts over).
    const narrows = last !== null && needle.text.startsWith(last.text) && needle.keys.startsWith(last.keys);
    const found =
      narrows && last !== null ? last.found.filter((entry) => matches(entry, needle)) : scanned(indexed(), needle);
    last = { text: needle.text, keys: needle.keys, found };
    const exact =
      byBarcode.get(query.trim()) ?? byBarcode.get(needle.keys) ?? byCode.get(needle.keys) ?? byCode.get(needle.text);
    const results = found === index?.entries ? products : found.map((entry) => entry.product);
    if (exact === undefined) return results;
    return [exact, ...results.filter((product) => product !== exact)];
  }

  return {
    byBarcode: (code) => byBarcode.get(code),
    inCategory: (categoryId) => (categoryId === null ? products : (byCategory.get(categoryId) ?? [])),
    prepare: () => void indexed(),
    search,
  };
}

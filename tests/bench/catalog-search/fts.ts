import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { Product } from '../../../shared/domain/catalog';
import { chosungOf, foldForSearch } from '../../../shared/domain/catalog-search';
import { keystrokes, type BenchQuery } from './keystrokes';

/**
 * The baseline: the same products in SQLite's FTS5 with the trigram tokenizer (in memory), the
 * same folded fields our index keeps (names, 초성, code and barcode). Trigrams need three
 * characters: a shorter query is a LIKE over the same table, which is what SQLite can do then.
 */
export function ftsKeystrokes(products: readonly Product[], queries: readonly BenchQuery[]): number[] {
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE VIRTUAL TABLE catalog USING fts5(names, chosung, codes, tokenize = 'trigram')`);
    const insert = db.prepare('INSERT INTO catalog (rowid, names, chosung, codes) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      products.forEach((p, i) =>
        insert.run(
          i + 1,
          `${foldForSearch(p.name.ko)} ${foldForSearch(p.name.en)}`,
          foldForSearch(chosungOf(p.name.ko)),
          `${foldForSearch(p.id)} ${foldForSearch(p.barcode ?? '')}`,
        ),
      );
    })();
    const match = db.prepare('SELECT rowid FROM catalog WHERE catalog MATCH ?').pluck();
    const like = db
      .prepare(
        "SELECT rowid FROM catalog WHERE names LIKE '%' || @q || '%' OR chosung LIKE '%' || @q || '%' OR codes LIKE '%' || @q || '%'",
      )
      .pluck();
    const times: number[] = [];
    for (const query of queries) {
      for (const typed of keystrokes(query.text)) {
        const folded = foldForSearch(typed);
        const start = performance.now();
        if ([...folded].length >= 3) match.all(`"${folded.replaceAll('"', '""')}"`);
        else like.all({ q: folded });
        times.push(performance.now() - start);
      }
    }
    return times;
  } finally {
    db.close();
  }
}

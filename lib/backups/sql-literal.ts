/**
 * How a column's value is written as SQL text, by its type. The text is what the backup file holds
 * and what the checksums are computed over, so a restore re-reads the same text from the same types.
 */
export type LiteralKind = 'number' | 'binary' | 'text';

const NUMBER_TYPES = new Set(['tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint', 'decimal', 'numeric', 'float', 'double', 'real', 'year']);
/** Bytes with no character set are written as hex, so no byte is changed by a character set on the way. */
const BINARY_TYPES = new Set(['binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob', 'bit', 'geometry', 'point', 'linestring', 'polygon']);

/** The kind of an information_schema DATA_TYPE. */
export function literalKindOf(dataType: string): LiteralKind {
  const t = dataType.toLowerCase();
  if (NUMBER_TYPES.has(t)) return 'number';
  if (BINARY_TYPES.has(t)) return 'binary';
  return 'text';
}

const ESCAPES: Record<string, string> = { '\0': '\\0', '\n': '\\n', '\r': '\\r', '\\': '\\\\', "'": "\\'", '"': '\\"', '\x1a': '\\Z' };
const NEEDS_ESCAPE = /[\0\n\r\\'"\x1a]/g;

/** A quoted string literal; newlines are escaped, so one row of a backup is always one line. */
export function quoteText(value: string): string {
  NEEDS_ESCAPE.lastIndex = 0;
  return NEEDS_ESCAPE.test(value) ? `'${value.replace(NEEDS_ESCAPE, (c) => ESCAPES[c]!)}'` : `'${value}'`;
}

/**
 * The literal of a value as mysql2 returns it from a connection opened by openReadConnection: null, a
 * number (INT, FLOAT, DOUBLE), the server's text (DECIMAL, BIGINT, dates, times, JSON, strings) or bytes
 * (binary columns).
 */
export function literalOf(kind: LiteralKind, value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Buffer.isBuffer(value)) {
    if (kind === 'text') return quoteText(value.toString('utf8'));
    return value.length === 0 ? "''" : `0x${value.toString('hex')}`;
  }
  if (kind === 'number') return String(value);
  if (kind === 'binary') {
    const bytes = Buffer.from(String(value), 'utf8');
    return bytes.length === 0 ? "''" : `0x${bytes.toString('hex')}`;
  }
  return quoteText(String(value));
}

/** A name in backquotes; names come from information_schema, never from a request. */
export function quoteName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

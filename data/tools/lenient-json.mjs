// Tencent's example blocks are "JSON with comments": `// ...` remarks, trailing commas, `...`
// placeholders. This turns such a block into strict JSON and says what it changed, so every
// repaired example carries a note. It never guesses a value: what it cannot repair fails.

const QUOTES = { '\u201c': '"', '\u201d': '"' };

/**
 * Strip comments outside strings; returns [text, changes]. With `collapsed`, the text is a copy
 * whose line breaks were flattened to runs of spaces, so a `//` remark ends at the first run of two
 * or more spaces (where its line ended) instead of at a newline.
 */
function stripComments(src, collapsed = false) {
  const lineEnd = (i) => src[i] === '\n' || (collapsed && /^\s{2}/.test(src.slice(i, i + 2)));
  let out = '';
  let inStr = false;
  let changed = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inStr) {
      out += c;
      if (c === '\\') {
        out += src[++i] ?? '';
      } else if (c === '"') {
        inStr = false;
      }
      continue;
    }
    if (c === '"') {
      inStr = true;
      out += c;
    } else if (c === '/' && src[i + 1] === '/') {
      const start = i;
      while (i < src.length && !lineEnd(i)) i++;
      // A flattened remark on the last line runs into the closing brackets: keep them.
      const tail = collapsed && i >= src.length ? src.slice(start).match(/[\]}\s]+$/) : null;
      out += tail ? `\n${tail[0]}` : '\n';
      changed = true;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 1;
      changed = true;
    } else if (c === '#') {
      // `#` is never JSON outside a string: a few pages use it for remarks.
      while (i < src.length && !lineEnd(i)) i++;
      out += '\n';
      changed = true;
    } else {
      out += c;
    }
  }
  return [out, changed];
}

/** Apply `fn` to the text outside strings only. */
function outsideStrings(src, fn) {
  let out = '';
  let buf = '';
  let inStr = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inStr) {
      out += c;
      if (c === '\\') out += src[++i] ?? '';
      else if (c === '"') inStr = false;
    } else if (c === '"') {
      out += fn(buf) + c;
      buf = '';
      inStr = true;
    } else {
      buf += c;
    }
  }
  return out + fn(buf);
}

/**
 * Parse a documented example. Returns `{ value, notes }` or `{ error }`.
 * notes name each kind of repair made (empty: the block was strict JSON already).
 */
export function parseLenient(text, { collapsed = false } = {}) {
  const notes = [];
  try {
    return { value: JSON.parse(text), notes };
  } catch {
    // repair below
  }
  let t = text.replace(/^\uFEFF/, '');
  if (/[\u201c\u201d]/.test(t)) {
    t = t.replace(/[\u201c\u201d]/g, (q) => QUOTES[q]);
    notes.push('curly quotes made straight');
  }
  const b0 = t;
  t = outsideStrings(t, (s) => s.replace(/[\u00a0\u2000-\u200b\u3000\ufeff]/g, ' '));
  if (t !== b0) notes.push('non-breaking or full-width spaces outside strings made plain');
  const [noComments, hadComments] = stripComments(t, collapsed);
  if (hadComments) notes.push('comments removed');
  t = noComments;
  const before = t;
  t = outsideStrings(t, (s) => s.replace(/\uFF0C/g, ',').replace(/\uFF1A/g, ':'));
  if (t !== before) notes.push('full-width punctuation outside strings made ASCII');
  // `...` / `…` placeholders standing for "more items": whole lines, or a trailing element.
  const b2 = t;
  t = outsideStrings(t, (s) => s.replace(/\.{3,}|\u2026+/g, ''));
  if (t !== b2) notes.push('"..." placeholders removed');
  const b3 = t;
  t = outsideStrings(t, (s) => s.replace(/,(\s*)(?=[}\]])/g, '$1').replace(/,(\s*,)+/g, ','));
  if (t !== b3) notes.push('trailing or doubled commas removed');
  const b4 = t;
  // a missing comma between two members on separate lines: `"a": 1\n "b": 2`
  t = t.replace(/("|\d|true|false|null|\}|\])([ \t]*\r?\n\s*)(?="[^"\n]*"\s*:)/g, '$1,$2');
  if (collapsed) t = t.replace(/("|\d|true|false|null|\}|\])(\s{2,})(?="[^"\n]*"\s*:)/g, '$1,$2');
  if (t !== b4) {
    try {
      JSON.parse(t);
      notes.push('missing commas between members added');
    } catch {
      t = b4;
    }
  }
  try {
    return { value: JSON.parse(t), notes };
  } catch (e) {
    return { error: e.message, repaired: t };
  }
}

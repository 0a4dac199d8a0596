/**
 * The texts the tokenizer tests compare on: scripts (CJK, Arabic and Hebrew right to left, Devanagari, Thai,
 * Korean), emoji (with joiners and flags), combining marks, whitespace runs, tabs and newlines, digits,
 * punctuation, characters only byte fallback can write, special-token text, lone surrogates, empty input,
 * leading and trailing spaces, very long words; plus seeded random strings over a pool of all of these.
 */
export const corpus: readonly string[] = [
  "", " ", "  ", "   ", "    ", "        ", "\n", "\n\n", "\t", " \t \n ",
  "The quick brown fox", "The quick brown fox jumps over the lazy dog.", " leading space", "   three leading",
  "trailing space ", "trailing spaces   ", "  both  ", "a  b   c    d     e", "tab\tseparated\tvalues", "line one\nline two\r\nline three",
  "你好，世界", "日本語のテキストです。", "한국어 문장입니다", "हिन्दी में पाठ", "ภาษาไทย", "Привет, мир!", "Ελληνικά",
  "مرحبا بالعالم 123", "שלום עולם", "mixed English עברית and العربية",
  "🦙", "🦙🦙🦙 llamas", "family: 👨‍👩‍👧‍👦", "flags 🇫🇷🇯🇵", "skin 👋🏽", "é vs e\u0301", "n\u0303 a\u0308 o\u0328\u0301", "Z\u0351\u036b\u0343a\u0310l\u0352go",
  "0", "42", "1234567890", "3.14159 2.71828", "1,000,000", "12:30 pm, 2024-01-31", "+1 (555) 123-4567",
  "!", "!!!???...", "(){}[]<>", "@#$%^&*_+=|\\/~`", "\"quoted\" 'single'", "e-mail: someone@example.com", "https://example.com/a?b=c&d=e",
  "def f(x):\n    return x * 2\n", "if (a && b) { return c; }",
  "\u0000", "\u0001\u0002\u007f", "\u00a0non-breaking\u00a0space", "zero\u200bwidth", "\ufeffBOM", "\u2581already escaped", "▁▁▁",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕸𝖆𝖙𝖍", "\u{10FFFF}", "\ud800 lone high", "lone low \udc00", "\uDBFF\uDFFF",
  "<s>", "</s>", "<unk>", "<s>x</s>", "a<s>b", "<0x0A>", "<0x0", "<<s>>",
  "a".repeat(2000), "supercalifragilisticexpialidocious".repeat(30), "漢".repeat(500), " ".repeat(300), "ab ".repeat(400),
];

/** `count` random strings from a seeded generator over a pool of characters of every kind above. */
export function randomTexts(count: number, seed: number): string[] {
  const pool = Array.from("aAzZ09 .,!?'\"\t\n\r▁<>/s你好日本語한😀🦙é\u0301\u200dمرحשל𝔘\u0000\u00a0");
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => {
    const n = Math.floor(next() * 40);
    let text = "";
    for (let i = 0; i < n; i++) text += pool[Math.floor(next() * pool.length)];
    return text;
  });
}

import { describe, expect, it } from 'vitest';
import { findMojibake, repairMojibake } from '../src/text/mojibake.js';

describe('repairMojibake', () => {
  it('repairs the patterns the knowledge-base export produces', () => {
    expect(repairMojibake('Case 1 โ€” Build')).toBe('Case 1 — Build');
    expect(repairMojibake('โ€œquotedโ€ text')).toBe('“quoted” text');
    expect(repairMojibake('โ€˜what is fashionable now?โ€™')).toBe('‘what is fashionable now?’');
    expect(repairMojibake('is the company โ€œsecure enoughโ€?')).toBe('is the company “secure enough”?');
  });

  it('puts back the dropped closing-quote byte at the end of a line and of the text', () => {
    expect(repairMojibake('โ€œone.โ€\nโ€œtwo.โ€')).toBe('“one.”\n“two.”');
  });

  it('repairs other misread UTF-8 of the same export, such as an ellipsis and an en dash', () => {
    expect(repairMojibake('wait\u0E42\u20AC\u0E06 then 1\u0E42\u20AC\u201C2')).toBe('wait… then 1–2');
  });

  it('leaves clean text alone, including curly quotes and U+2011 hyphens', () => {
    const clean = 'A “brand‑new” feature — it’s ‘fine’.';
    expect(repairMojibake(clean)).toBe(clean);
    expect(findMojibake(clean)).toBeUndefined();
  });

  it('leaves Thai text as written, and still repairs a misread letter among Latin ones', () => {
    const thai = 'ภาษาไทย ความปลอดภัยของผลิตภัณฑ์ รฉ ภาพรวม';
    expect(repairMojibake(thai)).toBe(thai);
    expect(findMojibake(thai)).toBeUndefined();
    expect(repairMojibake('Caf\u0E23\u0E09 au lait')).toBe('Café au lait');
    expect(findMojibake('Caf\u0E23\u0E09')).toEqual({ line: 1, column: 4, sample: '\u0E23\u0E09' });
  });

  it('finds leftover mojibake with its line and column', () => {
    expect(findMojibake('fine\nsays โ€œno')).toEqual({ line: 2, column: 6, sample: 'โ€' });
  });
});

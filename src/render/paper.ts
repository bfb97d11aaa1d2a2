// The paper sizes preppack prints on, in points.
export type Paper = 'letter' | 'a4' | 'a5';

export const PAPER_SIZES: Record<Paper, { name: string; width: number; height: number }> = {
  letter: { name: 'LETTER', width: 612, height: 792 },
  a4: { name: 'A4', width: 595.28, height: 841.89 },
  a5: { name: 'A5', width: 419.53, height: 595.28 },
};

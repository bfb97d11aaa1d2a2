// The Markdown tokens both peers are given (marked's, as a plain pipeline
// would use them), and the little both need to read them.

/** A marked token, as far as the peers read it. */
export interface MdToken {
  type: string;
  raw: string;
  text?: string;
  depth?: number;
  ordered?: boolean;
  href?: string;
  tokens?: MdToken[];
  items?: MdToken[];
  header?: { tokens: MdToken[] }[];
  rows?: { tokens: MdToken[] }[][];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** marked keeps a few HTML entities in its text: what a plain pipeline undoes. */
export const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!);

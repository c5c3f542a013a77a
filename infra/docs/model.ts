/**
 * A document as data: what a letter says and in which order, without any layout. The content
 * builders (content.ts) make it from a request; the renderer (render.ts) lays it out as a PDF.
 */
import type { DocType } from "./numbering";

export type Block =
  /** A paragraph of running text, justified. */
  | { t: "para"; text: string }
  /** "label : value" lines, aligned on the colon. */
  | { t: "fields"; rows: [string, string][]; indent?: boolean }
  /** A ruled table with a header row; widths are fractions of the text width. */
  | { t: "table"; head: string[]; rows: string[][]; widths: number[] }
  /** A numbered list. */
  | { t: "list"; items: string[] }
  /** A bold line (a section heading inside the body). */
  | { t: "heading"; text: string };

export interface Signer {
  /** Lines above the signature space: "a.n. Kepala Dinas …", the position, "Pihak Pertama". */
  role: string[];
  /** null: left blank (dots) for the person to write in. */
  name: string | null;
  /** null: left blank for the signer to write in; undefined: no NIP line (not a civil servant). */
  nip?: string | null;
}

/** The head of a letter (surat dinas): city and date, Nomor/Sifat/Lampiran/Hal and the addressee. */
export interface LetterHead {
  kind: "surat";
  place: string;
  fields: [string, string][];
  to: string[];
}

/** The head of a berita acara: a centred, underlined title and its number below. */
export interface MinutesHead {
  kind: "berita-acara";
  title: string;
  nomor: string;
}

export interface Letterhead {
  government: string;
  agency: string;
  division: string;
  address: string;
}

export interface DocumentModel {
  type: DocType;
  nomor: string;
  /** For the PDF's metadata: Title and Subject. */
  title: string;
  subject: string;
  letterhead: Letterhead;
  head: LetterHead | MinutesHead;
  blocks: Block[];
  /** City and date above the signatures (berita acara only; a letter has it in its head). */
  signedAt?: string;
  signers: Signer[];
  /** Ties the document to the change: commit and record path. */
  footer: string;
  /** The instant written as the PDF's CreationDate and ModDate (the apply's time), ISO 8601. */
  date: string;
}

import { firstInvalidUtf8, parseYamlMapping } from "./source";

describe("firstInvalidUtf8", () => {
  test.each([
    [Buffer.from("abc\xff", "latin1"), 3],
    [Buffer.from([0x61, 0xc3]), 1], // truncated 2-byte sequence
    [Buffer.from([0xe2, 0x82, 0x61]), 0], // 3-byte sequence broken by ASCII
    [Buffer.from([0xc0, 0xaf]), 0], // overlong '/'
    [Buffer.from([0xed, 0xa0, 0x80]), 0], // UTF-16 surrogate
    [Buffer.from("héllo ✓ 𝄞", "utf8"), 15], // valid: the whole length
  ])("%#", (bytes, offset) => expect(firstInvalidUtf8(bytes)).toBe(offset));
});

describe("parseYamlMapping positions", () => {
  const text = "a: 1\nb:\n  c: [x, y]\n  d:\ne: 'z'\n";
  const parsed = parseYamlMapping(Buffer.from(text));
  if (!parsed.ok) throw new Error("fixture must parse");
  test.each([
    [["a"], false, { line: 1, column: 4 }],
    [["a"], true, { line: 1, column: 1 }],
    [["b", "c", 1], false, { line: 3, column: 10 }],
    [["b", "d"], false, { line: 4, column: 3 }], // key without a value: its key
    [["b", "missing"], false, { line: 2, column: 1 }], // missing field: its parent's key
    [["missing"], false, { line: 1, column: 1 }],
    [["e"], false, { line: 5, column: 4 }],
  ] as const)("%j key=%s", (p, key, pos) => expect(parsed.source.position(p, key)).toEqual(pos));

  test("a byte-order mark is accepted", () => {
    expect(parseYamlMapping(Buffer.from("\ufeffa: 1\n")).ok).toBe(true);
  });
});

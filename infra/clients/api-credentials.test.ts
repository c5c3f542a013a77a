/** Where verify reads the ApiAccess credentials: the stack output apiCredentials, the whole stack output, or a file; errors never echo the content. */
import { parseApiCredentials } from "./api-credentials";

const CREDS = { "harga-pangan": { consumerKey: "ck-1", consumerSecret: "cs-rahasia-1", apikey: "ak-rahasia-1" }, "simpeg-nik": { consumerKey: "ck-2", consumerSecret: "cs-rahasia-2" } };
const SHAPE = '{"<id permintaan>": {"consumerKey": "…", "consumerSecret": "…", "apikey": "… (bila auth api-key)"}}';

test.each([
  ["pulumi stack output apiCredentials --show-secrets --json", CREDS],
  ["pulumi stack output --json --show-secrets (everything, apiCredentials inside)", { zone: "contohkab.go.id", hostingPasswords: { "disdik-web": "x" }, apiCredentials: CREDS, inventory: {} }],
])("%s", (_n, json) => {
  expect(Object.fromEntries(parseApiCredentials(JSON.stringify(json), "uji"))).toEqual(CREDS);
});

test.each([
  ["not JSON", "{", `uji bukan JSON yang sah; yang diharapkan: ${SHAPE}`],
  ["a missing secret", JSON.stringify({ a: { consumerKey: "ck" } }), `uji harus berbentuk ${SHAPE}`],
  ["apiCredentials of the wrong shape", JSON.stringify({ apiCredentials: { a: { consumerKey: 1, consumerSecret: "cs-rahasia-9" } } }), `uji harus berbentuk ${SHAPE}`],
])("refused: %s, without echoing it", (_n, text, message) => {
  let got = "";
  try {
    parseApiCredentials(text, "uji");
  } catch (e) {
    got = (e as Error).message;
  }
  expect(got).toBe(message);
});

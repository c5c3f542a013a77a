import { req } from "../../../test/support/requests";
import type { ApiAccess } from "../model/kinds";
import { splpStep } from "./desired";

const step = (patch: Record<string, unknown>) => splpStep(req("api/harga-pangan", patch).request as ApiAccess).text;
const BASE =
  "Daftarkan aplikasi Dasbor Ketahanan Pangan (Dinas Ketahanan Pangan) di server pertukaran data lokal untuk API Harga Bahan Pokok SIBAPO milik Dinas Perdagangan: GET /harga/v1/komoditas, GET /harga/v1/komoditas/{kode}/harian; kredensial API key diserahkan sebagai rahasia.";

test.each([
  ["without spec.exchange the step is as before", { spec: { exchange: null } }, BASE],
  ["api-key: the application, subscription, tier and key validity", {}, `${BASE} Di WSO2: aplikasi pusdat-harga-pangan, langganan HargaBahanPokok 1.0.0 tier Silver, API key 90 hari; bila langganan ON_HOLD, menunggu persetujuan Dinas Perdagangan.`],
])("%s", (_n, patch, expected) => expect(step(patch)).toBe(expected));

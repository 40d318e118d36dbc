// CRC-32 as nginx computes it (ngx_crc32.h: IEEE 802.3, reflected, initial
// and final value 0xffffffff), split in init/update/final because the ketama
// ring continues one CRC over several pieces.

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export const CRC32_INIT = 0xffffffff;

export function crc32Update(crc: number, bytes: Uint8Array): number {
  let c = crc;
  for (const b of bytes) c = TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return c >>> 0;
}

export const crc32Final = (crc: number): number => (crc ^ 0xffffffff) >>> 0;

export function crc32(bytes: Uint8Array): number {
  return crc32Final(crc32Update(CRC32_INIT, bytes));
}

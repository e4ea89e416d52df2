/* Reference Keccak-256 for benchmark comparisons: a plain sponge over nettle's
 * Keccak-f[1600] permutation (nettle_sha3_permute, Debian nettle-dev), with the
 * original Keccak padding (0x01 ... 0x80) that Ethereum and Klaytn use. */
#ifndef KECCAK_NETTLE_H
#define KECCAK_NETTLE_H

#include <nettle/sha3.h>
#include <stdint.h>
#include <string.h>

#define KECCAK256_RATE 136

static inline uint64_t keccak_load_le64(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, 8); /* x86-64 and arm64 are little-endian */
    return v;
}

static inline void keccak_absorb_block(struct sha3_state *s, const uint8_t *block) {
    for (int i = 0; i < KECCAK256_RATE / 8; i++) s->a[i] ^= keccak_load_le64(block + 8 * i);
    nettle_sha3_permute(s);
}

static inline void keccak256(const uint8_t *in, size_t len, uint8_t out[32]) {
    struct sha3_state s;
    memset(&s, 0, sizeof s);
    while (len >= KECCAK256_RATE) {
        keccak_absorb_block(&s, in);
        in += KECCAK256_RATE;
        len -= KECCAK256_RATE;
    }
    uint8_t last[KECCAK256_RATE];
    memset(last, 0, sizeof last);
    memcpy(last, in, len);
    last[len] ^= 0x01;
    last[KECCAK256_RATE - 1] ^= 0x80;
    keccak_absorb_block(&s, last);
    memcpy(out, s.a, 32);
}

#endif

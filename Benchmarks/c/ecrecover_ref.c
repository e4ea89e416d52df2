/* Reference figure for `klay bench primitives`: recover a public key from a 65-byte
 * signature with libsecp256k1 directly, serialize it and derive the address (Keccak over
 * nettle's permutation), the same work as the Swift benchmark. */
#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <stdio.h>
#include <stdlib.h>
#include "bench_clock.h"
#include "keccak_nettle.h"

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 1.0;
    secp256k1_context *ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);

    /* The key is keccak256("klay bench"), the message keccak256 of the key: as in the Swift benchmark. */
    uint8_t key[32], msg[32];
    keccak256((const uint8_t *)"klay bench", 10, key);
    keccak256(key, 32, msg);
    secp256k1_ecdsa_recoverable_signature sig;
    if (!secp256k1_ecdsa_sign_recoverable(ctx, &sig, msg, key, NULL, NULL)) return 1;
    uint8_t sig65[65];
    int recid;
    secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, sig65, &recid, &sig);
    sig65[64] = (uint8_t)recid;

    long count = 0;
    uint8_t address[20] = {0};
    double start = bench_now(), elapsed;
    do {
        for (int i = 0; i < 100; i++) {
            secp256k1_ecdsa_recoverable_signature parsed;
            secp256k1_pubkey pub;
            uint8_t serialized[65], digest[32];
            size_t len = sizeof serialized;
            if (!secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &parsed, sig65, sig65[64])) return 1;
            if (!secp256k1_ecdsa_recover(ctx, &pub, &parsed, msg)) return 1;
            secp256k1_ec_pubkey_serialize(ctx, serialized, &len, &pub, SECP256K1_EC_UNCOMPRESSED);
            keccak256(serialized + 1, 64, digest);
            memcpy(address, digest + 12, 20);
        }
        count += 100;
    } while ((elapsed = bench_now() - start) < seconds);

    printf("{\"ecrecover_per_s\": %.0f, \"check\": %u}\n", count / elapsed, address[0]);
    secp256k1_context_destroy(ctx);
    return 0;
}

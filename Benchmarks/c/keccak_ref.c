/* Reference figures for `klay bench primitives`: Keccak-256 over nettle's permutation.
 * Prints one JSON object with the same keys as the Swift benchmark. */
#include <stdio.h>
#include <stdlib.h>
#include "bench_clock.h"
#include "keccak_nettle.h"

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 1.0;

    /* Chained hashes of 32 bytes: each digest is the next input. */
    uint8_t h[32] = {0};
    long chained = 0;
    double start = bench_now(), elapsed;
    do {
        for (int i = 0; i < 10000; i++) keccak256(h, 32, h);
        chained += 10000;
    } while ((elapsed = bench_now() - start) < seconds);
    double per_s = chained / elapsed;

    /* Throughput over 1 MiB. */
    size_t size = 1 << 20;
    uint8_t *buf = malloc(size);
    for (size_t i = 0; i < size; i++) buf[i] = (uint8_t)(i * 7 + 3);
    long rounds = 0;
    start = bench_now();
    do {
        keccak256(buf, size, h);
        buf[0] ^= h[0];
        rounds++;
    } while ((elapsed = bench_now() - start) < seconds);
    double mb_per_s = rounds * (size / 1e6) / elapsed;
    free(buf);

    printf("{\"keccak256_32B_per_s\": %.0f, \"keccak256_1MiB_MB_per_s\": %.1f, \"check\": %u}\n", per_s, mb_per_s, h[0]);
    return 0;
}

// Debian's libsecp256k1-dev with the recovery module (ECDSA public-key recovery).
#include <secp256k1.h>
#include <secp256k1_recovery.h>

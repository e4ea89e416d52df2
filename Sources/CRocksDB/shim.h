// Debian's librocksdb-dev C API.
#include <rocksdb/c.h>

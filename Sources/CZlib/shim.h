// zlib, for reading gzip-compressed word lists (wordfreq's .msgpack.gz).
#include <zlib.h>

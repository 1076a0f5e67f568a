#ifndef GLOSSGRAPH_CMEMORYHINTS_H
#define GLOSSGRAPH_CMEMORYHINTS_H

// Asks the processor to start loading the cache line at `address` for a later write
// (GCC/Clang's __builtin_prefetch): counting n-grams touches a table larger than the cache
// at random, and a load asked for early overlaps with the work before it. A hint only: it
// never faults and changes no result.
static inline void gg_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif

#define _GNU_SOURCE
#include <stdio.h>
#include <fcntl.h>
#include "atomic_swap.h"

int sopkit_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
  return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#elif defined(__APPLE__)
  return renamex_np(first, second, RENAME_SWAP);
#else
  (void)first;
  (void)second;
  return -1;
#endif
}

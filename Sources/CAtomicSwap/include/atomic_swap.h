#ifndef SOPKIT_ATOMIC_SWAP_H
#define SOPKIT_ATOMIC_SWAP_H

/// Exchanges two paths in one atomic step (Linux renameat2 RENAME_EXCHANGE, macOS renamex_np RENAME_SWAP).
/// Returns 0 on success and -1 where the system or file system cannot do it.
int sopkit_exchange_paths(const char *first, const char *second);

#endif

#include "build_info.h"

// Swift has no compile-time string values; a C macro set on the command line is the one way to carry the commit in.
#ifndef SOPKIT_COMMIT
#define SOPKIT_COMMIT ""
#endif

const char *sopkit_build_commit(void) { return SOPKIT_COMMIT; }

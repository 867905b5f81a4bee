#include "build_info.h"

// Swift has no compile-time string values. `.ci/release` writes sopkit_commit.h, defining SOPKIT_COMMIT, into a
// folder it adds to the include path; a header rather than a -D flag, so that only this file, and not every
// module of every package, is compiled again for each commit.
#if __has_include("sopkit_commit.h")
#include "sopkit_commit.h"
#endif
#ifndef SOPKIT_COMMIT
#define SOPKIT_COMMIT ""
#endif

const char *sopkit_build_commit(void) { return SOPKIT_COMMIT; }

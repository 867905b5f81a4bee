#ifndef SOPKIT_BUILD_INFO_H
#define SOPKIT_BUILD_INFO_H

/// The git commit this program was built from, as `.ci/release` passes it (in `sopkit_commit.h`),
/// or the empty string for a build that was not told.
const char *sopkit_build_commit(void);

#endif

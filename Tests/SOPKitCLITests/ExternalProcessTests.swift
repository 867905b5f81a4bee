import Testing

/// The suites that wait on another program (the `sopkit` binary, node, Python with Chromium).
///
/// Their waits block a thread of Swift's cooperative pool, which has one thread per core; run one at a time,
/// they always leave a thread free for the in-process async tests, such as the preview server's.
@Suite(.serialized) struct ExternalProcessTests {}

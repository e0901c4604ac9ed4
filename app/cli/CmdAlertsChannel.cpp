// lhm alerts channel set ... and lhm alerts test --channel C.
#include "AlertsCli.h"

namespace lhm::cli::alertscli {

int channel(Context &ctx) { return ctx.fail(QStringLiteral("channel: not available in this build yet"), kFailure); }
int test(Context &ctx) { return ctx.fail(QStringLiteral("test: not available in this build yet"), kFailure); }

}  // namespace lhm::cli::alertscli

// lhm alerts watch: the live feeds headless, every enabled rule evaluated, deliveries to channels.
#include "AlertsCli.h"

namespace lhm::cli::alertscli {

int watch(Context &ctx) { return ctx.fail(QStringLiteral("watch: not available in this build yet"), kFailure); }

}  // namespace lhm::cli::alertscli

// The text lines of `lhm heatmap|levels|compare --exchange all`: who was summed, who was left out.
#include "Cli.h"
#include "ModelArgs.h"

namespace lhm::cli {

void printExchanges(Context &ctx, const std::vector<ExchangeShare> &shares) {
    QStringList in, out;
    for (const ExchangeShare &s : shares) {
        if (s.status == ExchangeStatus::Ok) in << QStringLiteral("%1 %2%").arg(s.exchange).arg(s.share * 100, 0, 'f', 1);
        else out << QStringLiteral("%1 (%2%3)").arg(s.exchange, QString::fromLatin1(exchangeStatusName(s.status)),
                                                     s.detail.isEmpty() ? QString() : QStringLiteral(": ") + s.detail);
    }
    ctx.print(QStringLiteral("exchanges summed: %1").arg(in.join(QStringLiteral(", "))));
    if (!out.isEmpty()) ctx.print(QStringLiteral("left out: %1").arg(out.join(QStringLiteral(", "))));
}

}  // namespace lhm::cli

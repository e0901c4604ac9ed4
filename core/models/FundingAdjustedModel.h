#pragma once
// funding_adjusted: binance_standard with the long share taken from funding,
// 0.5 + tanh(funding_pct · fundingScale) · fundingAmplitude (defaults 50 and 0.20), funding_pct =
// rate × 100. Positive funding (longs pay) means longs dominate, so more of a rise opens long.
#include "models/BinanceStandardModel.h"

namespace lhm {

class FundingAdjustedModel : public BinanceStandardModel {
public:
    QString name() const override { return QStringLiteral("funding_adjusted"); }
    ModelInputSet required() const override { return ModelInput::OpenInterest | ModelInput::Funding; }

protected:
    std::optional<SideRule> forcedRule() const override { return SideRule::Funding; }
};

}  // namespace lhm
